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
};
