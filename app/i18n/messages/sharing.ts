/**
 * The sharing area's messages (course zips, item analysis) in the three languages, spread into
 * es.ts, pt.ts and en.ts. Spanish is the source.
 */
export const sharingEs = {
  "sharing.zip.unreadable": "El archivo no es un zip válido o está dañado.",
  "sharing.zip.encrypted": "«{name}» está cifrado: exporta el curso sin contraseña.",
  "sharing.zip.unsafeName":
    "«{name}» no es un nombre de archivo permitido: los nombres no pueden subir de carpeta («..»), empezar por «/» o una unidad, ni llevar «\\».",
  "sharing.zip.symlink": "«{name}» es un enlace simbólico: un curso solo contiene archivos.",
  "sharing.zip.duplicate": "«{name}» aparece dos veces en el zip.",
  "sharing.zip.tooManyEntries": "El zip tiene {count} entradas; como máximo se aceptan {max}.",
  "sharing.zip.entryTooLarge": "«{name}» es demasiado grande (máximo {max} bytes por archivo).",
  "sharing.zip.ratio": "«{name}» se descomprime a un tamaño desproporcionado: parece una bomba zip.",
  "sharing.zip.totalTooLarge": "El contenido del zip supera el máximo de {max} bytes.",
  "sharing.zip.empty": "El zip no contiene ningún archivo.",
  "sharing.zip.noCourse": "El zip no contiene un curso: falta course.yaml en su carpeta principal.",
  "sharing.zip.noSuchCourse": "Ese curso no está entre los de tu ciudad.",
  "sharing.nav.share": "Exportar e importar",
  "sharing.export.title": "Exportar el curso",
  "sharing.export.heading": "Exportar «{course}»",
  "sharing.export.intro":
    "Descarga el curso como un zip en el formato de archivos de cursos (course.yaml, lecciones en cada idioma, actividades, cuestionario e imágenes). Otra ciudad puede importarlo, y también puede añadirse a la carpeta courses/ del proyecto.",
  "sharing.export.keyNote":
    "El zip lleva la clave del curso sin el prefijo de tu ciudad («{name}»): la ciudad que lo importa le da la suya.",
  "sharing.export.languageNote":
    "El zip lleva el curso en todos los idiomas que tiene. Un borrador se exporta tal como está guardado, con las traducciones que aún no estén al día.",
  "sharing.export.readOnly": "Es un curso de la red: puedes exportar su versión publicada, no editarla.",
  "sharing.export.choose": "Qué descargar",
  "sharing.export.draft": "Descargar el borrador (idiomas: {languages})",
  "sharing.export.draftUnreadable": "Descargar el borrador",
  "sharing.export.version": "Descargar la versión {version}, publicada el {date} (idiomas: {languages})",
  "sharing.export.noVersions": "El curso aún no tiene versiones publicadas.",
  "sharing.export.importLink": "Importar un zip como nuevo borrador de este curso",
  "sharing.import.title": "Importar un curso",
  "sharing.import.intro":
    "Sube un zip en el formato de archivos de cursos, por ejemplo el que exporta otra ciudad. Se comprueba entero antes de guardar nada: si tiene algún problema, verás la lista completa y no se guardará nada.",
  "sharing.import.newNote": "El curso importado será un curso nuevo de {city}, con un borrador que podrás revisar y publicar.",
  "sharing.import.draftTitle": "Importar un nuevo borrador",
  "sharing.import.draftHeading": "Importar un nuevo borrador de «{course}»",
  "sharing.import.draftNote":
    "El contenido del zip sustituye al borrador actual de este curso. Las versiones publicadas no cambian; lo que el borrador tenga sin publicar se pierde.",
  "sharing.import.file": "Zip del curso",
  "sharing.import.submit": "Importar",
  "sharing.import.refused": {
    one: "Hay {count} problema: no se ha importado nada.",
    many: "Hay {count} de problemas: no se ha importado nada.",
    other: "Hay {count} problemas: no se ha importado nada.",
  },
  "sharing.import.fix": "Corrige el zip y vuelve a subirlo.",
  "sharing.import.at": "{file}, línea {line}",
  "sharing.import.stale":
    "Alguien ha guardado el borrador mientras importabas: no se ha guardado nada. Vuelve a importar el zip.",
  "sharing.import.done.new": "Curso importado. Revisa el borrador y publícalo cuando esté listo.",
  "sharing.import.done.draft": "Zip importado como nuevo borrador del curso.",
  "sharing.import.link": "Importar un curso desde un zip",
  "sharing.network.heading": "Cursos compartidos con la red",
  "sharing.network.intro":
    "Los cursos de una ciudad que están en el catálogo de la red, la ciudad de la que vienen y cuántas ciudades los usan (con al menos una inscripción o una asignación vigente).",
  "sharing.network.none": "Aún no hay cursos de ciudades en el catálogo de la red.",
  "sharing.network.col.course": "Curso",
  "sharing.network.col.city": "Ciudad de origen",
  "sharing.network.col.since": "En la red desde",
  "sharing.network.col.cities": "Ciudades que lo usan",
} as const;

export const sharingPt = {
  "sharing.zip.unreadable": "O arquivo não é um zip válido ou está danificado.",
  "sharing.zip.encrypted": "“{name}” está criptografado: exporte o curso sem senha.",
  "sharing.zip.unsafeName":
    "“{name}” não é um nome de arquivo permitido: os nomes não podem subir de pasta (“..”), começar com “/” ou uma unidade, nem conter “\\”.",
  "sharing.zip.symlink": "“{name}” é um link simbólico: um curso só contém arquivos.",
  "sharing.zip.duplicate": "“{name}” aparece duas vezes no zip.",
  "sharing.zip.tooManyEntries": "O zip tem {count} entradas; aceitam-se no máximo {max}.",
  "sharing.zip.entryTooLarge": "“{name}” é grande demais (máximo de {max} bytes por arquivo).",
  "sharing.zip.ratio": "“{name}” se descompacta num tamanho desproporcional: parece uma bomba zip.",
  "sharing.zip.totalTooLarge": "O conteúdo do zip ultrapassa o máximo de {max} bytes.",
  "sharing.zip.empty": "O zip não contém nenhum arquivo.",
  "sharing.zip.noCourse": "O zip não contém um curso: falta course.yaml na pasta principal.",
  "sharing.zip.noSuchCourse": "Esse curso não está entre os da sua cidade.",
  "sharing.nav.share": "Exportar e importar",
  "sharing.export.title": "Exportar o curso",
  "sharing.export.heading": "Exportar “{course}”",
  "sharing.export.intro":
    "Baixe o curso como um zip no formato de arquivos de cursos (course.yaml, lições em cada idioma, atividades, questionário e imagens). Outra cidade pode importá-lo, e ele também pode ser adicionado à pasta courses/ do projeto.",
  "sharing.export.keyNote":
    "O zip leva a chave do curso sem o prefixo da sua cidade (“{name}”): a cidade que o importa dá a ele a sua.",
  "sharing.export.languageNote":
    "O zip leva o curso em todos os idiomas que ele tem. Um rascunho é exportado como está salvo, com as traduções que ainda não estejam em dia.",
  "sharing.export.readOnly": "É um curso da rede: você pode exportar a versão publicada, não editá-la.",
  "sharing.export.choose": "O que baixar",
  "sharing.export.draft": "Baixar o rascunho (idiomas: {languages})",
  "sharing.export.draftUnreadable": "Baixar o rascunho",
  "sharing.export.version": "Baixar a versão {version}, publicada em {date} (idiomas: {languages})",
  "sharing.export.noVersions": "O curso ainda não tem versões publicadas.",
  "sharing.export.importLink": "Importar um zip como novo rascunho deste curso",
  "sharing.import.title": "Importar um curso",
  "sharing.import.intro":
    "Envie um zip no formato de arquivos de cursos, por exemplo o que outra cidade exporta. Ele é verificado por inteiro antes de salvar qualquer coisa: se tiver algum problema, você verá a lista completa e nada será salvo.",
  "sharing.import.newNote": "O curso importado será um novo curso de {city}, com um rascunho que você poderá revisar e publicar.",
  "sharing.import.draftTitle": "Importar um novo rascunho",
  "sharing.import.draftHeading": "Importar um novo rascunho de “{course}”",
  "sharing.import.draftNote":
    "O conteúdo do zip substitui o rascunho atual deste curso. As versões publicadas não mudam; o que o rascunho tiver sem publicar se perde.",
  "sharing.import.file": "Zip do curso",
  "sharing.import.submit": "Importar",
  "sharing.import.refused": {
    one: "Há {count} problema: nada foi importado.",
    many: "Há {count} de problemas: nada foi importado.",
    other: "Há {count} problemas: nada foi importado.",
  },
  "sharing.import.fix": "Corrija o zip e envie-o de novo.",
  "sharing.import.at": "{file}, linha {line}",
  "sharing.import.stale": "Alguém salvou o rascunho enquanto você importava: nada foi salvo. Importe o zip de novo.",
  "sharing.import.done.new": "Curso importado. Revise o rascunho e publique-o quando estiver pronto.",
  "sharing.import.done.draft": "Zip importado como novo rascunho do curso.",
  "sharing.import.link": "Importar um curso de um zip",
  "sharing.network.heading": "Cursos compartilhados com a rede",
  "sharing.network.intro":
    "Os cursos de uma cidade que estão no catálogo da rede, a cidade de onde vêm e quantas cidades os usam (com pelo menos uma inscrição ou uma atribuição vigente).",
  "sharing.network.none": "Ainda não há cursos de cidades no catálogo da rede.",
  "sharing.network.col.course": "Curso",
  "sharing.network.col.city": "Cidade de origem",
  "sharing.network.col.since": "Na rede desde",
  "sharing.network.col.cities": "Cidades que o usam",
};

export const sharingEn = {
  "sharing.zip.unreadable": "The file is not a valid zip, or it is damaged.",
  "sharing.zip.encrypted": "“{name}” is encrypted: export the course without a password.",
  "sharing.zip.unsafeName":
    "“{name}” is not an allowed file name: names may not climb out of the folder (“..”), start with “/” or a drive, or contain “\\”.",
  "sharing.zip.symlink": "“{name}” is a symbolic link: a course holds only files.",
  "sharing.zip.duplicate": "“{name}” appears twice in the zip.",
  "sharing.zip.tooManyEntries": "The zip has {count} entries; at most {max} are accepted.",
  "sharing.zip.entryTooLarge": "“{name}” is too large (at most {max} bytes per file).",
  "sharing.zip.ratio": "“{name}” unpacks to a disproportionate size: it looks like a zip bomb.",
  "sharing.zip.totalTooLarge": "The zip's content is over the maximum of {max} bytes.",
  "sharing.zip.empty": "The zip holds no file.",
  "sharing.zip.noCourse": "The zip holds no course: course.yaml is missing from its main folder.",
  "sharing.zip.noSuchCourse": "That course is not one of your city's.",
  "sharing.nav.share": "Export and import",
  "sharing.export.title": "Export the course",
  "sharing.export.heading": "Export “{course}”",
  "sharing.export.intro":
    "Download the course as a zip in the course file format (course.yaml, lessons in each language, activities, quiz and images). Another city can import it, and it can also be added to the project's courses/ folder.",
  "sharing.export.keyNote":
    "The zip carries the course's key without your city's prefix (“{name}”): the city that imports it gives it its own.",
  "sharing.export.languageNote":
    "The zip carries the course in every language it has. A draft is exported as saved, including translations not yet brought up to date.",
  "sharing.export.readOnly": "This is a network course: you can export its published version, not edit it.",
  "sharing.export.choose": "What to download",
  "sharing.export.draft": "Download the draft (languages: {languages})",
  "sharing.export.draftUnreadable": "Download the draft",
  "sharing.export.version": "Download version {version}, published on {date} (languages: {languages})",
  "sharing.export.noVersions": "The course has no published version yet.",
  "sharing.export.importLink": "Import a zip as a new draft of this course",
  "sharing.import.title": "Import a course",
  "sharing.import.intro":
    "Upload a zip in the course file format, for example one another city exported. It is checked whole before anything is saved: if it has any problem, you see the complete list and nothing is saved.",
  "sharing.import.newNote": "The imported course becomes a new course of {city}, with a draft you can review and publish.",
  "sharing.import.draftTitle": "Import a new draft",
  "sharing.import.draftHeading": "Import a new draft of “{course}”",
  "sharing.import.draftNote":
    "The zip's content replaces this course's current draft. Published versions do not change; whatever the draft holds unpublished is lost.",
  "sharing.import.file": "Course zip",
  "sharing.import.submit": "Import",
  "sharing.import.refused": {
    one: "There is {count} problem: nothing was imported.",
    other: "There are {count} problems: nothing was imported.",
  },
  "sharing.import.fix": "Correct the zip and upload it again.",
  "sharing.import.at": "{file}, line {line}",
  "sharing.import.stale": "Someone saved the draft while you were importing: nothing was saved. Import the zip again.",
  "sharing.import.done.new": "Course imported. Review the draft and publish it when it is ready.",
  "sharing.import.done.draft": "Zip imported as the course's new draft.",
  "sharing.import.link": "Import a course from a zip",
  "sharing.network.heading": "Courses shared with the network",
  "sharing.network.intro":
    "Cities' courses in the network catalog, the city each came from, and how many cities use it (with at least one enrolment or one current assignment).",
  "sharing.network.none": "No city course is in the network catalog yet.",
  "sharing.network.col.course": "Course",
  "sharing.network.col.city": "City of origin",
  "sharing.network.col.since": "In the network since",
  "sharing.network.col.cities": "Cities using it",
};
