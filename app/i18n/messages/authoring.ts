/**
 * The authoring area's messages in the three languages, spread into es.ts, pt.ts and en.ts. Spanish is the source.
 */
export const authoringEs = {
  "authoring.problem.notFound": "No se encontró ese curso entre los de tu ciudad.",
  "authoring.problem.notCopyable": "Ese curso de la red no se puede copiar.",
  "authoring.problem.stale": "Alguien guardó este borrador después de que abrieras la página. No se ha guardado nada: compara tu texto con el guardado y vuelve a intentarlo.",
  "authoring.problem.nothingToPublish": "No hay cambios que publicar: la versión publicada ya es igual al borrador.",
  "authoring.problem.needsApproval": "Tu ciudad exige revisión: esta revisión del borrador necesita la aprobación de otra persona antes de publicarse.",
  "authoring.problem.invalid": "El borrador tiene problemas que impiden publicarlo. Corrígelos y vuelve a intentarlo.",
  "authoring.problem.alreadySubmitted": "Esta revisión del borrador ya está enviada a revisión.",
  "authoring.problem.ownReview": "No puedes revisar un borrador que enviaste tú: debe hacerlo otra persona.",
  "authoring.problem.notSubmitted": "Esta revisión del borrador no está pendiente de revisión.",
  "authoring.problem.notNetworkPublishable": "Solo se puede publicar en la red un curso de una ciudad que ya esté publicado.",
} as const;

export const authoringPt = {
  "authoring.problem.notFound": "Esse curso não foi encontrado entre os da sua cidade.",
  "authoring.problem.notCopyable": "Esse curso da rede não pode ser copiado.",
  "authoring.problem.stale": "Alguém salvou este rascunho depois que você abriu a página. Nada foi salvo: compare o seu texto com o salvo e tente de novo.",
  "authoring.problem.nothingToPublish": "Não há alterações a publicar: a versão publicada já é igual ao rascunho.",
  "authoring.problem.needsApproval": "Sua cidade exige revisão: esta revisão do rascunho precisa da aprovação de outra pessoa antes de ser publicada.",
  "authoring.problem.invalid": "O rascunho tem problemas que impedem a publicação. Corrija-os e tente de novo.",
  "authoring.problem.alreadySubmitted": "Esta revisão do rascunho já foi enviada para revisão.",
  "authoring.problem.ownReview": "Você não pode revisar um rascunho que você mesmo enviou: outra pessoa deve fazê-lo.",
  "authoring.problem.notSubmitted": "Esta revisão do rascunho não está aguardando revisão.",
  "authoring.problem.notNetworkPublishable": "Só é possível publicar na rede um curso de uma cidade que já esteja publicado.",
};

export const authoringEn = {
  "authoring.problem.notFound": "That course was not found among your city's courses.",
  "authoring.problem.notCopyable": "That network course cannot be copied.",
  "authoring.problem.stale": "Someone saved this draft after you opened the page. Nothing was saved: compare your text with the saved one and try again.",
  "authoring.problem.nothingToPublish": "Nothing to publish: the published version already matches the draft.",
  "authoring.problem.needsApproval": "Your city requires review: this revision of the draft needs someone else's approval before it is published.",
  "authoring.problem.invalid": "The draft has problems that prevent publishing it. Fix them and try again.",
  "authoring.problem.alreadySubmitted": "This revision of the draft has already been submitted for review.",
  "authoring.problem.ownReview": "You cannot review a draft you submitted yourself: someone else must do it.",
  "authoring.problem.notSubmitted": "This revision of the draft is not waiting for review.",
  "authoring.problem.notNetworkPublishable": "Only a city course that is already published can be published to the network.",
};
