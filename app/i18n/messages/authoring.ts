/**
 * The authoring area's messages in the three languages, spread into es.ts, pt.ts and en.ts. Spanish is the source.
 */
export const authoringEs = {
  "authoring.stale.mine": "Tu texto (sigue en el formulario)",
  "authoring.stale.saved": "Texto guardado mientras tanto",
  "authoring.nav": "Autoría",
  "authoring.nav.label": "Páginas del curso",
  "authoring.nav.allCourses": "Todos los cursos",
  "authoring.nav.details": "Datos y lecciones",
  "authoring.nav.quiz": "Cuestionario",
  "authoring.nav.translations": "Traducciones",
  "authoring.nav.preview": "Vista de alumno",
  "authoring.nav.publish": "Revisión y publicación",
  "authoring.nav.history": "Historial",
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
  "authoring.activities.pageTitle": "Actividades de la lección",
  "authoring.activities.title": "Actividades de práctica: {lesson}",
  "authoring.activities.backToLesson": "Volver a la lección",
  "authoring.activities.backToCourse": "Volver al curso",
  "authoring.activities.languages": "Idioma de los textos",
  "authoring.activities.sourceLanguage": "{language} (idioma de origen)",
  "authoring.activities.notice.added":
    "Actividad añadida. Su marca {marker} se ha puesto al final de la lección en cada idioma: muévela en el editor de la lección al lugar donde debe aparecer.",
  "authoring.activities.notice.saved": "Actividad guardada.",
  "authoring.activities.notice.removed":
    "Actividad eliminada, con su marca en cada idioma de la lección.",
  "authoring.activities.notice.moved": "Orden de las actividades guardado.",
  "authoring.activities.refused":
    "No se ha guardado nada: corrige los campos señalados.",
  "authoring.activities.lessonProblems":
    "Problemas de colocación en la lección",
  "authoring.activities.problemAt": "{file}, línea {line}: {text}",
  "authoring.activities.listTitle": {
    one: "{count} actividad en esta lección",
    many: "{count} de actividades en esta lección",
    other: "{count} actividades en esta lección",
  },
  "authoring.activities.none": "Esta lección aún no tiene actividades.",
  "authoring.activities.kind.choice": "Elección",
  "authoring.activities.kind.spot": "Encontrar el problema",
  "authoring.activities.kind.sort": "Clasificar",
  "authoring.activities.kind.order": "Ordenar",
  "authoring.activities.notTranslated":
    "Aún sin texto en {language}: se muestra el de origen.",
  "authoring.activities.placedAtStart":
    "{language}: al principio de la lección, antes del primer título.",
  "authoring.activities.placedAfter":
    "{language}: después del título «{heading}».",
  "authoring.activities.placement.missing": "{language}: no está colocada.",
  "authoring.activities.placement.twice":
    "{language}: está colocada más de una vez.",
  "authoring.activities.problemCount": {
    one: "{count} problema: ábrela para verlo junto a su campo.",
    many: "{count} de problemas: ábrela para verlos junto a sus campos.",
    other: "{count} problemas: ábrela para verlos junto a sus campos.",
  },
  "authoring.activities.edit": "Editar",
  "authoring.activities.up": "Subir",
  "authoring.activities.down": "Bajar",
  "authoring.activities.remove": "Eliminar",
  "authoring.activities.newKind": "Tipo de la nueva actividad",
  "authoring.activities.add": "Añadir actividad",
  "authoring.activities.addInSource":
    "Las actividades se añaden y se eliminan en el idioma de origen ({language}); aquí se traducen sus textos.",
  "authoring.activities.editTitle":
    "Editar la actividad de tipo {kind} en {language}",
  "authoring.activities.newTitle": "Nueva actividad de tipo {kind}",
  "authoring.activities.unreadable":
    "Algunos archivos de este borrador no se pueden leer con el editor:",
  "authoring.activities.sourceText": "Texto de origen ({language}):",
  "authoring.activities.noSourceText": "(vacío)",
  "authoring.activities.problemError": "Error: {text}",
  "authoring.activities.problemWarning": "Aviso: {text}",
  "authoring.activities.field.prompt": "Enunciado",
  "authoring.activities.field.multiple":
    "Se pueden elegir varias respuestas correctas",
  "authoring.activities.field.categories": "Categorías (de 2 a 5)",
  "authoring.activities.field.category": "Categoría {number}",
  "authoring.activities.field.text": "Texto",
  "authoring.activities.field.feedback":
    "Comentario que se muestra al comprobar",
  "authoring.activities.field.correct": "Es correcta",
  "authoring.activities.field.problem": "Tiene un problema",
  "authoring.activities.field.itemCategory": "Categoría a la que pertenece",
  "authoring.activities.field.noCategory": "Elige una categoría",
  "authoring.activities.field.explanation":
    "Explicación (se muestra tras cada comprobación)",
  "authoring.activities.parts.choice": "Opciones (de 2 a 6)",
  "authoring.activities.parts.spot": "Frases del pasaje, en orden (de 3 a 12)",
  "authoring.activities.parts.sort": "Elementos que clasificar (de 3 a 10)",
  "authoring.activities.parts.order": "Pasos en el orden correcto (de 3 a 8)",
  "authoring.activities.partsHint.choice":
    "Deja vacías las filas que no uses; vaciar una fila quita la opción.",
  "authoring.activities.partsHint.spot":
    "Deja vacías las filas que no uses; vaciar una fila quita la frase.",
  "authoring.activities.partsHint.sort":
    "Deja vacías las filas que no uses; vaciar una fila quita el elemento.",
  "authoring.activities.partsHint.order":
    "Escribe los pasos en el orden correcto: el alumno los verá desordenados. Vaciar una fila quita el paso.",
  "authoring.activities.part.choice": "Opción {number}",
  "authoring.activities.part.spot": "Frase {number}",
  "authoring.activities.part.sort": "Elemento {number}",
  "authoring.activities.part.order": "Paso {number}",
  "authoring.activities.flagged.choice":
    "Opción correcta (se cambia en el idioma de origen).",
  "authoring.activities.unflagged.choice":
    "Opción incorrecta (se cambia en el idioma de origen).",
  "authoring.activities.flagged.spot":
    "Frase con problema (se cambia en el idioma de origen).",
  "authoring.activities.unflagged.spot":
    "Frase sin problema (se cambia en el idioma de origen).",
  "authoring.activities.save": "Guardar la actividad",
  "authoring.activities.create": "Crear la actividad",
  "authoring.activities.error.kind": "Elige uno de los tipos de actividad.",
  "authoring.activities.error.addInSource":
    "Las actividades nuevas se crean en el idioma de origen.",
  "authoring.activities.error.emptyText":
    "Escribe este texto: en el idioma de origen no puede quedar vacío.",
  "authoring.activities.error.choiceCount":
    "Una actividad de elección necesita de 2 a 6 opciones.",
  "authoring.activities.error.spotCount":
    "Un pasaje necesita de 3 a 12 frases.",
  "authoring.activities.error.sortCount":
    "Una clasificación necesita de 3 a 10 elementos.",
  "authoring.activities.error.orderCount":
    "Una actividad de ordenar necesita de 3 a 8 pasos.",
  "authoring.activities.error.categoryCount":
    "Una clasificación necesita de 2 a 5 categorías.",
  "authoring.activities.error.chooseCategory":
    "Elige la categoría de este elemento.",
  "authoring.activities.error.tooLong":
    "Este texto es demasiado largo (máximo 2000 caracteres).",
} as const;

export const authoringPt = {
  "authoring.stale.mine": "Seu texto (continua no formulário)",
  "authoring.stale.saved": "Texto salvo nesse meio-tempo",
  "authoring.nav": "Autoria",
  "authoring.nav.label": "Páginas do curso",
  "authoring.nav.allCourses": "Todos os cursos",
  "authoring.nav.details": "Dados e lições",
  "authoring.nav.quiz": "Questionário",
  "authoring.nav.translations": "Traduções",
  "authoring.nav.preview": "Visão do aluno",
  "authoring.nav.publish": "Revisão e publicação",
  "authoring.nav.history": "Histórico",
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
  "authoring.activities.pageTitle": "Atividades da lição",
  "authoring.activities.title": "Atividades de prática: {lesson}",
  "authoring.activities.backToLesson": "Voltar à lição",
  "authoring.activities.backToCourse": "Voltar ao curso",
  "authoring.activities.languages": "Idioma dos textos",
  "authoring.activities.sourceLanguage": "{language} (idioma de origem)",
  "authoring.activities.notice.added":
    "Atividade adicionada. A marca {marker} foi colocada no fim da lição em cada idioma: mova-a no editor da lição para o lugar onde deve aparecer.",
  "authoring.activities.notice.saved": "Atividade salva.",
  "authoring.activities.notice.removed":
    "Atividade excluída, com a sua marca em cada idioma da lição.",
  "authoring.activities.notice.moved": "Ordem das atividades salva.",
  "authoring.activities.refused":
    "Nada foi salvo: corrija os campos indicados.",
  "authoring.activities.lessonProblems": "Problemas de posicionamento na lição",
  "authoring.activities.problemAt": "{file}, linha {line}: {text}",
  "authoring.activities.listTitle": {
    one: "{count} atividade nesta lição",
    many: "{count} de atividades nesta lição",
    other: "{count} atividades nesta lição",
  },
  "authoring.activities.none": "Esta lição ainda não tem atividades.",
  "authoring.activities.kind.choice": "Escolha",
  "authoring.activities.kind.spot": "Encontrar o problema",
  "authoring.activities.kind.sort": "Classificar",
  "authoring.activities.kind.order": "Ordenar",
  "authoring.activities.notTranslated":
    "Ainda sem texto em {language}: é mostrado o de origem.",
  "authoring.activities.placedAtStart":
    "{language}: no início da lição, antes do primeiro título.",
  "authoring.activities.placedAfter":
    "{language}: depois do título “{heading}”.",
  "authoring.activities.placement.missing": "{language}: não está posicionada.",
  "authoring.activities.placement.twice":
    "{language}: está posicionada mais de uma vez.",
  "authoring.activities.problemCount": {
    one: "{count} problema: abra-a para vê-lo junto ao seu campo.",
    many: "{count} de problemas: abra-a para vê-los junto aos seus campos.",
    other: "{count} problemas: abra-a para vê-los junto aos seus campos.",
  },
  "authoring.activities.edit": "Editar",
  "authoring.activities.up": "Subir",
  "authoring.activities.down": "Descer",
  "authoring.activities.remove": "Excluir",
  "authoring.activities.newKind": "Tipo da nova atividade",
  "authoring.activities.add": "Adicionar atividade",
  "authoring.activities.addInSource":
    "As atividades são adicionadas e excluídas no idioma de origem ({language}); aqui se traduzem os seus textos.",
  "authoring.activities.editTitle":
    "Editar a atividade do tipo {kind} em {language}",
  "authoring.activities.newTitle": "Nova atividade do tipo {kind}",
  "authoring.activities.unreadable":
    "Alguns arquivos deste rascunho não podem ser lidos pelo editor:",
  "authoring.activities.sourceText": "Texto de origem ({language}):",
  "authoring.activities.noSourceText": "(vazio)",
  "authoring.activities.problemError": "Erro: {text}",
  "authoring.activities.problemWarning": "Aviso: {text}",
  "authoring.activities.field.prompt": "Enunciado",
  "authoring.activities.field.multiple":
    "É possível escolher várias respostas corretas",
  "authoring.activities.field.categories": "Categorias (de 2 a 5)",
  "authoring.activities.field.category": "Categoria {number}",
  "authoring.activities.field.text": "Texto",
  "authoring.activities.field.feedback": "Comentário mostrado ao verificar",
  "authoring.activities.field.correct": "Está correta",
  "authoring.activities.field.problem": "Tem um problema",
  "authoring.activities.field.itemCategory": "Categoria a que pertence",
  "authoring.activities.field.noCategory": "Escolha uma categoria",
  "authoring.activities.field.explanation":
    "Explicação (mostrada após cada verificação)",
  "authoring.activities.parts.choice": "Opções (de 2 a 6)",
  "authoring.activities.parts.spot": "Frases da passagem, em ordem (de 3 a 12)",
  "authoring.activities.parts.sort": "Itens a classificar (de 3 a 10)",
  "authoring.activities.parts.order": "Passos na ordem correta (de 3 a 8)",
  "authoring.activities.partsHint.choice":
    "Deixe vazias as linhas que não usar; esvaziar uma linha remove a opção.",
  "authoring.activities.partsHint.spot":
    "Deixe vazias as linhas que não usar; esvaziar uma linha remove a frase.",
  "authoring.activities.partsHint.sort":
    "Deixe vazias as linhas que não usar; esvaziar uma linha remove o item.",
  "authoring.activities.partsHint.order":
    "Escreva os passos na ordem correta: o aluno os verá embaralhados. Esvaziar uma linha remove o passo.",
  "authoring.activities.part.choice": "Opção {number}",
  "authoring.activities.part.spot": "Frase {number}",
  "authoring.activities.part.sort": "Item {number}",
  "authoring.activities.part.order": "Passo {number}",
  "authoring.activities.flagged.choice":
    "Opção correta (altera-se no idioma de origem).",
  "authoring.activities.unflagged.choice":
    "Opção incorreta (altera-se no idioma de origem).",
  "authoring.activities.flagged.spot":
    "Frase com problema (altera-se no idioma de origem).",
  "authoring.activities.unflagged.spot":
    "Frase sem problema (altera-se no idioma de origem).",
  "authoring.activities.save": "Salvar a atividade",
  "authoring.activities.create": "Criar a atividade",
  "authoring.activities.error.kind": "Escolha um dos tipos de atividade.",
  "authoring.activities.error.addInSource":
    "As atividades novas são criadas no idioma de origem.",
  "authoring.activities.error.emptyText":
    "Escreva este texto: no idioma de origem ele não pode ficar vazio.",
  "authoring.activities.error.choiceCount":
    "Uma atividade de escolha precisa de 2 a 6 opções.",
  "authoring.activities.error.spotCount":
    "Uma passagem precisa de 3 a 12 frases.",
  "authoring.activities.error.sortCount":
    "Uma classificação precisa de 3 a 10 itens.",
  "authoring.activities.error.orderCount":
    "Uma atividade de ordenar precisa de 3 a 8 passos.",
  "authoring.activities.error.categoryCount":
    "Uma classificação precisa de 2 a 5 categorias.",
  "authoring.activities.error.chooseCategory":
    "Escolha a categoria deste item.",
  "authoring.activities.error.tooLong":
    "Este texto é longo demais (máximo de 2000 caracteres).",
};

export const authoringEn = {
  "authoring.stale.mine": "Your text (still in the form)",
  "authoring.stale.saved": "Text saved meanwhile",
  "authoring.nav": "Authoring",
  "authoring.nav.label": "Course pages",
  "authoring.nav.allCourses": "All courses",
  "authoring.nav.details": "Details and lessons",
  "authoring.nav.quiz": "Quiz",
  "authoring.nav.translations": "Translations",
  "authoring.nav.preview": "Learner preview",
  "authoring.nav.publish": "Review and publish",
  "authoring.nav.history": "History",
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
  "authoring.activities.pageTitle": "Lesson activities",
  "authoring.activities.title": "Practice activities: {lesson}",
  "authoring.activities.backToLesson": "Back to the lesson",
  "authoring.activities.backToCourse": "Back to the course",
  "authoring.activities.languages": "Language of the texts",
  "authoring.activities.sourceLanguage": "{language} (source language)",
  "authoring.activities.notice.added":
    "Activity added. Its marker {marker} was put at the end of the lesson in every language: move it in the lesson editor to where it belongs.",
  "authoring.activities.notice.saved": "Activity saved.",
  "authoring.activities.notice.removed":
    "Activity removed, with its marker in every language of the lesson.",
  "authoring.activities.notice.moved": "Order of the activities saved.",
  "authoring.activities.refused":
    "Nothing was saved: correct the fields marked.",
  "authoring.activities.lessonProblems": "Placement problems in the lesson",
  "authoring.activities.problemAt": "{file}, line {line}: {text}",
  "authoring.activities.listTitle": {
    one: "{count} activity in this lesson",
    other: "{count} activities in this lesson",
  },
  "authoring.activities.none": "This lesson has no activities yet.",
  "authoring.activities.kind.choice": "Choice",
  "authoring.activities.kind.spot": "Spot the problem",
  "authoring.activities.kind.sort": "Sort",
  "authoring.activities.kind.order": "Order",
  "authoring.activities.notTranslated":
    "No text in {language} yet: the source text is shown.",
  "authoring.activities.placedAtStart":
    "{language}: at the start of the lesson, before the first heading.",
  "authoring.activities.placedAfter":
    "{language}: after the heading “{heading}”.",
  "authoring.activities.placement.missing": "{language}: not placed.",
  "authoring.activities.placement.twice": "{language}: placed more than once.",
  "authoring.activities.problemCount": {
    one: "{count} problem: open it to see it beside its field.",
    other: "{count} problems: open it to see them beside their fields.",
  },
  "authoring.activities.edit": "Edit",
  "authoring.activities.up": "Move up",
  "authoring.activities.down": "Move down",
  "authoring.activities.remove": "Remove",
  "authoring.activities.newKind": "Kind of the new activity",
  "authoring.activities.add": "Add activity",
  "authoring.activities.addInSource":
    "Activities are added and removed in the source language ({language}); here their texts are translated.",
  "authoring.activities.editTitle": "Edit the {kind} activity in {language}",
  "authoring.activities.newTitle": "New {kind} activity",
  "authoring.activities.unreadable":
    "Some files of this draft cannot be read by the editor:",
  "authoring.activities.sourceText": "Source text ({language}):",
  "authoring.activities.noSourceText": "(empty)",
  "authoring.activities.problemError": "Error: {text}",
  "authoring.activities.problemWarning": "Warning: {text}",
  "authoring.activities.field.prompt": "Prompt",
  "authoring.activities.field.multiple": "Several answers may be correct",
  "authoring.activities.field.categories": "Categories (2 to 5)",
  "authoring.activities.field.category": "Category {number}",
  "authoring.activities.field.text": "Text",
  "authoring.activities.field.feedback": "Feedback shown on checking",
  "authoring.activities.field.correct": "Correct",
  "authoring.activities.field.problem": "Has a problem",
  "authoring.activities.field.itemCategory": "Category it belongs to",
  "authoring.activities.field.noCategory": "Choose a category",
  "authoring.activities.field.explanation":
    "Explanation (shown after every check)",
  "authoring.activities.parts.choice": "Options (2 to 6)",
  "authoring.activities.parts.spot":
    "Sentences of the passage, in order (3 to 12)",
  "authoring.activities.parts.sort": "Items to sort (3 to 10)",
  "authoring.activities.parts.order": "Steps in the right order (3 to 8)",
  "authoring.activities.partsHint.choice":
    "Leave unused rows empty; emptying a row removes the option.",
  "authoring.activities.partsHint.spot":
    "Leave unused rows empty; emptying a row removes the sentence.",
  "authoring.activities.partsHint.sort":
    "Leave unused rows empty; emptying a row removes the item.",
  "authoring.activities.partsHint.order":
    "Write the steps in the right order: learners see them shuffled. Emptying a row removes the step.",
  "authoring.activities.part.choice": "Option {number}",
  "authoring.activities.part.spot": "Sentence {number}",
  "authoring.activities.part.sort": "Item {number}",
  "authoring.activities.part.order": "Step {number}",
  "authoring.activities.flagged.choice":
    "Correct option (changed in the source language).",
  "authoring.activities.unflagged.choice":
    "Incorrect option (changed in the source language).",
  "authoring.activities.flagged.spot":
    "Sentence with a problem (changed in the source language).",
  "authoring.activities.unflagged.spot":
    "Sentence without a problem (changed in the source language).",
  "authoring.activities.save": "Save the activity",
  "authoring.activities.create": "Create the activity",
  "authoring.activities.error.kind": "Choose one of the kinds of activity.",
  "authoring.activities.error.addInSource":
    "New activities are created in the source language.",
  "authoring.activities.error.emptyText":
    "Write this text: in the source language it cannot be empty.",
  "authoring.activities.error.choiceCount":
    "A choice activity needs 2 to 6 options.",
  "authoring.activities.error.spotCount": "A passage needs 3 to 12 sentences.",
  "authoring.activities.error.sortCount": "A sort needs 3 to 10 items.",
  "authoring.activities.error.orderCount":
    "An order activity needs 3 to 8 steps.",
  "authoring.activities.error.categoryCount": "A sort needs 2 to 5 categories.",
  "authoring.activities.error.chooseCategory": "Choose this item's category.",
  "authoring.activities.error.tooLong":
    "This text is too long (2000 characters at most).",
};
