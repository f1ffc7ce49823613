/** The environment, read once and validated at boot. */
import { z } from "zod";
import { defaultDatabaseUrl } from "./env-defaults.ts";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().default(defaultDatabaseUrl),
  PORT: z.coerce.number().int().positive().default(3000),
  // Public address used in links sent by email; never taken from the request's Host header.
  APP_URL: z.string().url().optional(),
  // Demo accounts are loaded on the first start of an empty database unless DEMO=false.
  DEMO: flag.default(true),
  // Behind a reverse proxy that sets X-Forwarded-Proto/For: TRUST_PROXY=true.
  TRUST_PROXY: flag.default(false),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Aula IA <no-reply@aula-ia.local>"),
  OUTBOX_DIR: z.string().default("data/outbox"),
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
  // Absolute lifetime: a session ends this many days after login however often it is used.
  // Browsers keep a cookie at most 400 days.
  SESSION_MAX_DAYS: z.coerce.number().positive().max(400).default(30),
  // Every N minutes the server runs the reminders job itself, holding a lease so that one of several
  // servers sends at a time (app/assignments/reminder-schedule.server.ts). Unset: off (cron runs `npm run reminders`).
  REMINDERS_EVERY_MINUTES: z.coerce.number().int().min(1).max(1440).optional(),
  // End-to-end tests only: lets /test-clock move the server's clock forward.
  TEST_CLOCK: flag.default(false),
  // Crash tests only: the process exits at the named write boundary (app/faults.server.ts).
  FAULT_AT: z.string().optional(),
  // Tests only: /test-form shows what the one form path read from a post (fields and files).
  TEST_FORMS: flag.default(false),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= schema.parse(process.env);
  return cached;
}

export function appUrl(): string {
  const { APP_URL, PORT } = env();
  return (APP_URL ?? `http://localhost:${PORT}`).replace(/\/$/, "");
}
