/**
 * The reports area's messages (HR pages) in the three languages, spread into es.ts, pt.ts and
 * en.ts (kept apart so that each area's pages add their texts in one place). Spanish is the source.
 */
export const reportsEs = {
  "reports.filter.badDate": "Escriba la fecha como AAAA-MM-DD (por ejemplo, 2026-03-31).",
  "reports.filter.badValue": "Este valor de filtro no es válido.",
  "reports.filter.unknownStatus": "Ese estado no existe. Elija uno de la lista.",
  "reports.filter.unknownDepartment": "Ese departamento no existe o no está en su ámbito.",
  "reports.filter.unknownCourse": "Ese curso no existe o no está disponible en su ciudad.",
  "reports.filter.badPage": "El número de página no es válido.",
  "reports.filter.searchTooLong": "La búsqueda es demasiado larga (máximo 100 caracteres).",
  "reports.filter.repeated": "Este filtro aparece más de una vez en la dirección.",
  "reports.filter.rangeReversed": "La fecha final es anterior a la inicial.",
  "reports.filter.rangeTooLong": "El periodo es demasiado largo (máximo cinco años).",
} as const;

export const reportsPt = {
  "reports.filter.badDate": "Escreva a data como AAAA-MM-DD (por exemplo, 2026-03-31).",
  "reports.filter.badValue": "Este valor de filtro não é válido.",
  "reports.filter.unknownStatus": "Esse status não existe. Escolha um da lista.",
  "reports.filter.unknownDepartment": "Esse departamento não existe ou não está no seu escopo.",
  "reports.filter.unknownCourse": "Esse curso não existe ou não está disponível na sua cidade.",
  "reports.filter.badPage": "O número da página não é válido.",
  "reports.filter.searchTooLong": "A busca é longa demais (máximo de 100 caracteres).",
  "reports.filter.repeated": "Este filtro aparece mais de uma vez no endereço.",
  "reports.filter.rangeReversed": "A data final é anterior à inicial.",
  "reports.filter.rangeTooLong": "O período é longo demais (máximo de cinco anos).",
};

export const reportsEn = {
  "reports.filter.badDate": "Write the date as YYYY-MM-DD (for example, 2026-03-31).",
  "reports.filter.badValue": "This filter value is not valid.",
  "reports.filter.unknownStatus": "That status does not exist. Choose one from the list.",
  "reports.filter.unknownDepartment": "That department does not exist or is outside your scope.",
  "reports.filter.unknownCourse": "That course does not exist or is not available in your city.",
  "reports.filter.badPage": "The page number is not valid.",
  "reports.filter.searchTooLong": "The search is too long (at most 100 characters).",
  "reports.filter.repeated": "This filter appears more than once in the address.",
  "reports.filter.rangeReversed": "The end date is before the start date.",
  "reports.filter.rangeTooLong": "The period is too long (at most five years).",
};
