/**
 * Messages of the operations area (the page shown while the database cannot answer), in the three
 * languages, spread into es.ts, pt.ts and en.ts. Spanish is the source.
 */
export const operationsEs = {
  "operations.unavailable.title": "Servicio no disponible por un momento",
  "operations.unavailable.text":
    "Aula IA no puede acceder a sus datos en este momento. No se guardó nada de lo que enviaste: vuelve a intentarlo en unos minutos.",
  "operations.unavailable.retry": "Volver a intentarlo",
} as const;

export const operationsPt = {
  "operations.unavailable.title": "Serviço indisponível no momento",
  "operations.unavailable.text":
    "O Aula IA não consegue acessar seus dados agora. Nada do que você enviou foi salvo: tente de novo em alguns minutos.",
  "operations.unavailable.retry": "Tentar de novo",
};

export const operationsEn = {
  "operations.unavailable.title": "Service unavailable for a moment",
  "operations.unavailable.text":
    "Aula IA cannot reach its data right now. Nothing you sent was saved: please try again in a few minutes.",
  "operations.unavailable.retry": "Try again",
};
