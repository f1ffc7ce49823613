/**
 * The ten cities that signed the UCCI Call to Action on generative AI, as loaded by the seed.
 * Email domains are the cities' institutional domains; a city admin can review them.
 * Header colours are dark enough for white text at WCAG AA: app/cities/contrast.test.ts checks every pair.
 */
import type { Locale } from "~/i18n/locales.ts";

export interface CitySeed {
  slug: string;
  name: string;
  defaultLocale: Locale;
  timeZone: string;
  primaryColor: string;
  accentColor: string;
  certificatePrefix: string;
  signatoryTitle: string;
  emailDomains: string[];
  departments: string[];
}

export const signatoryCities: CitySeed[] = [
  {
    slug: "madrid",
    name: "Madrid",
    defaultLocale: "es",
    timeZone: "Europe/Madrid",
    primaryColor: "#7a1d2e",
    accentColor: "#f3c64a",
    certificatePrefix: "MAD",
    signatoryTitle: "Dirección General de Función Pública",
    emailDomains: ["madrid.es"],
    departments: [
      "Urbanismo y Licencias",
      "Movilidad y Transportes",
      "Servicios Sociales",
      "Línea Madrid (Atención a la Ciudadanía)",
      "Contratación",
    ],
  },
  {
    slug: "bogota",
    name: "Bogotá",
    defaultLocale: "es",
    timeZone: "America/Bogota",
    primaryColor: "#8a1538",
    accentColor: "#f6c700",
    certificatePrefix: "BOG",
    signatoryTitle: "Departamento Administrativo del Servicio Civil Distrital",
    emailDomains: ["alcaldiabogota.gov.co"],
    departments: [
      "Secretaría de Movilidad",
      "Secretaría de Salud",
      "Secretaría de Integración Social",
      "Línea 195 (Atención a la Ciudadanía)",
      "Contratación",
    ],
  },
  {
    slug: "buenos-aires",
    name: "Buenos Aires",
    defaultLocale: "es",
    timeZone: "America/Argentina/Buenos_Aires",
    primaryColor: "#1f3a5f",
    accentColor: "#fdd306",
    certificatePrefix: "BUE",
    signatoryTitle: "Secretaría de Innovación y Transformación Digital",
    emailDomains: ["buenosaires.gob.ar"],
    departments: [
      "Habilitaciones y Permisos",
      "Transporte",
      "Desarrollo Humano y Hábitat",
      "Atención Ciudadana 147",
      "Compras y Contrataciones",
    ],
  },
  {
    slug: "ciudad-de-mexico",
    name: "Ciudad de México",
    defaultLocale: "es",
    timeZone: "America/Mexico_City",
    primaryColor: "#691c32",
    accentColor: "#bc955c",
    certificatePrefix: "CDM",
    signatoryTitle: "Agencia Digital de Innovación Pública",
    emailDomains: ["cdmx.gob.mx"],
    departments: ["Desarrollo Urbano y Vivienda", "Movilidad", "Salud", "Locatel (Atención Ciudadana)", "Adquisiciones"],
  },
  {
    slug: "sao-paulo",
    name: "São Paulo",
    defaultLocale: "pt",
    timeZone: "America/Sao_Paulo",
    primaryColor: "#0b3d6e",
    accentColor: "#e4002b",
    certificatePrefix: "SAO",
    signatoryTitle: "Secretaria Municipal de Gestão",
    emailDomains: ["prefeitura.sp.gov.br"],
    departments: ["Licenciamento", "Mobilidade e Trânsito", "Saúde", "Assistência e Desenvolvimento Social", "Central 156"],
  },
  {
    slug: "rio-de-janeiro",
    name: "Rio de Janeiro",
    defaultLocale: "pt",
    timeZone: "America/Sao_Paulo",
    primaryColor: "#00456b",
    accentColor: "#f2a900",
    certificatePrefix: "RIO",
    signatoryTitle: "Secretaria Municipal de Ciência, Tecnologia e Inovação",
    emailDomains: ["rio.rj.gov.br", "prefeitura.rio"],
    departments: ["Licenciamento e Fiscalização", "Transportes", "Saúde", "Assistência Social", "Central 1746"],
  },
  {
    slug: "quito",
    name: "Quito",
    defaultLocale: "es",
    timeZone: "America/Guayaquil",
    primaryColor: "#003b71",
    accentColor: "#d4a017",
    certificatePrefix: "UIO",
    signatoryTitle: "Secretaría General de Planificación",
    emailDomains: ["quito.gob.ec"],
    departments: ["Territorio, Hábitat y Vivienda", "Movilidad", "Salud", "Inclusión Social", "Compras Públicas"],
  },
  {
    slug: "santo-domingo",
    name: "Santo Domingo",
    defaultLocale: "es",
    timeZone: "America/Santo_Domingo",
    primaryColor: "#002d62",
    accentColor: "#ce1126",
    certificatePrefix: "SDQ",
    signatoryTitle: "Dirección de Recursos Humanos",
    emailDomains: ["adn.gob.do"],
    departments: [
      "Planeamiento Urbano",
      "Tránsito y Movilidad",
      "Desarrollo Social",
      "Atención al Ciudadano",
      "Compras y Contrataciones",
    ],
  },
  {
    slug: "brasilia",
    name: "Brasília",
    defaultLocale: "pt",
    timeZone: "America/Sao_Paulo",
    primaryColor: "#1b4d3e",
    accentColor: "#f9c80e",
    certificatePrefix: "BSB",
    signatoryTitle: "Secretaria de Economia — Escola de Governo",
    emailDomains: ["df.gov.br"],
    departments: ["Desenvolvimento Urbano e Habitação", "Mobilidade", "Saúde", "Desenvolvimento Social", "Ouvidoria 162"],
  },
  {
    slug: "guatemala",
    name: "Ciudad de Guatemala",
    defaultLocale: "es",
    timeZone: "America/Guatemala",
    primaryColor: "#004b87",
    accentColor: "#4997d0",
    certificatePrefix: "GUA",
    signatoryTitle: "Dirección de Recursos Humanos",
    emailDomains: ["muniguate.com"],
    departments: ["Control Territorial", "Movilidad Urbana", "Desarrollo Social", "Atención al Vecino", "Compras"],
  },
];

/** In demo mode every city also accepts addresses at `<slug>.example` (a reserved domain). */
export function demoEmailDomain(slug: string): string {
  return `${slug}.example`;
}

/**
 * A neutral emblem for a city that has not uploaded its own logo: a shield in the city's
 * colours with its certificate prefix. (The cities' official logos are theirs to upload.)
 */
export function defaultEmblemSvg(city: Pick<CitySeed, "primaryColor" | "accentColor" | "certificatePrefix">): string {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 140" role="img">',
    `<path d="M60 4 L112 22 V70 C112 104 88 126 60 136 C32 126 8 104 8 70 V22 Z" fill="${city.primaryColor}" stroke="${city.accentColor}" stroke-width="6"/>`,
    `<text x="60" y="84" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="34" font-weight="bold" fill="#ffffff">${city.certificatePrefix}</text>`,
    "</svg>",
  ].join("");
}
