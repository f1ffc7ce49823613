/**
 * The exports area's messages in the three languages, spread into es.ts, pt.ts and en.ts (kept
 * apart so that each area's pages add their texts in one place). Spanish is the source.
 */
export const exportsEs = {
  "exports.file.people": "personas",
  "exports.file.overdue": "vencidas",
  "exports.file.expiring": "certificados-por-caducar",
  "exports.col.name": "Nombre",
  "exports.col.email": "Correo",
  "exports.col.department": "Área",
  "exports.col.notStarted": "Sin empezar",
  "exports.col.inProgress": "En curso",
  "exports.col.completed": "Completados",
  "exports.col.overdue": "Vencidos",
  "exports.col.expiring": "Certificados por caducar",
  "exports.col.course": "Curso",
  "exports.col.dueDate": "Fecha límite",
  "exports.col.daysOverdue": "Días de retraso",
  "exports.col.certificate": "Certificado",
  "exports.col.expires": "Caduca",
  "exports.col.daysLeft": "Días restantes",
} as const;

export const exportsPt = {
  "exports.file.people": "pessoas",
  "exports.file.overdue": "atrasadas",
  "exports.file.expiring": "certificados-a-vencer",
  "exports.col.name": "Nome",
  "exports.col.email": "E-mail",
  "exports.col.department": "Área",
  "exports.col.notStarted": "Não iniciados",
  "exports.col.inProgress": "Em andamento",
  "exports.col.completed": "Concluídos",
  "exports.col.overdue": "Atrasados",
  "exports.col.expiring": "Certificados a vencer",
  "exports.col.course": "Curso",
  "exports.col.dueDate": "Prazo",
  "exports.col.daysOverdue": "Dias de atraso",
  "exports.col.certificate": "Certificado",
  "exports.col.expires": "Vence",
  "exports.col.daysLeft": "Dias restantes",
};

export const exportsEn = {
  "exports.file.people": "people",
  "exports.file.overdue": "overdue",
  "exports.file.expiring": "expiring-certificates",
  "exports.col.name": "Name",
  "exports.col.email": "Email",
  "exports.col.department": "Department",
  "exports.col.notStarted": "Not started",
  "exports.col.inProgress": "In progress",
  "exports.col.completed": "Completed",
  "exports.col.overdue": "Overdue",
  "exports.col.expiring": "Expiring certificates",
  "exports.col.course": "Course",
  "exports.col.dueDate": "Due date",
  "exports.col.daysOverdue": "Days overdue",
  "exports.col.certificate": "Certificate",
  "exports.col.expires": "Expires",
  "exports.col.daysLeft": "Days left",
};
