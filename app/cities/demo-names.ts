/**
 * Deterministic randomness for the demo and benchmark data: a small seeded generator
 * (mulberry32) and realistic Spanish and Brazilian Portuguese names built from it. The same seed
 * gives the same people on every machine, so a demo or a benchmark can be reproduced.
 */
import { foldForSearch } from "~/people/search-text.ts";

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
  };
}

const spanish = {
  given: [
    "María",
    "Carmen",
    "Lucía",
    "Ana",
    "Isabel",
    "Laura",
    "Cristina",
    "Marta",
    "Elena",
    "Pilar",
    "Rocío",
    "Nuria",
    "Beatriz",
    "Sara",
    "Paula",
    "Inés",
    "Raquel",
    "Montserrat",
    "Alba",
    "Irene",
    "Antonio",
    "José",
    "Manuel",
    "Francisco",
    "David",
    "Juan",
    "Javier",
    "Daniel",
    "Carlos",
    "Miguel",
    "Alejandro",
    "Rafael",
    "Pablo",
    "Sergio",
    "Fernando",
    "Jorge",
    "Álvaro",
    "Iñigo",
    "Rubén",
    "Andrés",
  ],
  family: [
    "García",
    "Rodríguez",
    "González",
    "Fernández",
    "López",
    "Martínez",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Martín",
    "Jiménez",
    "Ruiz",
    "Hernández",
    "Díaz",
    "Moreno",
    "Muñoz",
    "Álvarez",
    "Romero",
    "Alonso",
    "Gutiérrez",
    "Navarro",
    "Torres",
    "Domínguez",
    "Vázquez",
    "Ramos",
    "Gil",
    "Ramírez",
    "Serrano",
    "Blanco",
    "Molina",
    "Morales",
    "Suárez",
    "Ortega",
    "Delgado",
    "Castro",
    "Ortiz",
    "Rubio",
    "Marín",
    "Sanz",
    "Núñez",
    "Iglesias",
    "Medina",
    "Garrido",
    "Cortés",
    "Castillo",
    "Santos",
    "Lozano",
    "Guerrero",
  ],
};

const portuguese = {
  given: [
    "Maria",
    "Ana",
    "Francisca",
    "Antônia",
    "Adriana",
    "Juliana",
    "Márcia",
    "Fernanda",
    "Patrícia",
    "Aline",
    "Camila",
    "Letícia",
    "Luciana",
    "Beatriz",
    "Larissa",
    "Gabriela",
    "Vitória",
    "Conceição",
    "Débora",
    "Tânia",
    "José",
    "João",
    "Antônio",
    "Francisco",
    "Carlos",
    "Paulo",
    "Pedro",
    "Lucas",
    "Luiz",
    "Marcos",
    "Luís",
    "Gabriel",
    "Rafael",
    "Daniel",
    "Marcelo",
    "Bruno",
    "Eduardo",
    "Felipe",
    "Raimundo",
    "Rodrigo",
  ],
  family: [
    "Silva",
    "Santos",
    "Oliveira",
    "Souza",
    "Rodrigues",
    "Ferreira",
    "Alves",
    "Pereira",
    "Lima",
    "Gomes",
    "Costa",
    "Ribeiro",
    "Martins",
    "Carvalho",
    "Almeida",
    "Lopes",
    "Soares",
    "Fernandes",
    "Vieira",
    "Barbosa",
    "Rocha",
    "Dias",
    "Nascimento",
    "Andrade",
    "Moreira",
    "Nunes",
    "Marques",
    "Machado",
    "Mendes",
    "Freitas",
    "Cardoso",
    "Ramos",
    "Gonçalves",
    "Santana",
    "Teixeira",
    "Araújo",
    "Conceição",
    "Monteiro",
    "Correia",
    "Brandão",
  ],
};

export interface DemoPerson {
  name: string;
  /** The part of the email before "@", from the name (without accents), not yet unique. */
  localPart: string;
}

/** A person's name in the city's language: one given name and two family names (es) or one or two (pt). */
export function demoPerson(random: Random, locale: string): DemoPerson {
  const lists = locale === "pt" ? portuguese : spanish;
  const given = random.pick(lists.given);
  const first = random.pick(lists.family);
  let second = random.pick(lists.family);
  while (second === first) second = random.pick(lists.family);
  const twoFamilyNames = locale !== "pt" || random.chance(0.6);
  const name = twoFamilyNames ? `${given} ${first} ${second}` : `${given} ${second}`;
  const slug = (text: string) => foldForSearch(text).replace(/[^a-z]/g, "");
  return { name, localPart: `${slug(given)}.${slug(twoFamilyNames ? first : second)}` };
}
