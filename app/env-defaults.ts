/** Defaults shared by the app and the command-line scripts. */
export const defaultDatabaseUrl = "file:./data/aula.db";
