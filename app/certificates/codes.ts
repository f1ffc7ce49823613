/**
 * Certificate codes: the city's prefix and twelve random characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L, U), e.g. MAD-7K3Q-9XRT-M4PZ: about 2^58 possibilities.
 */
import { randomInt } from "node:crypto";

export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newCertificateCode(prefix: string): string {
  const groups = Array.from({ length: 3 }, () =>
    Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(""),
  );
  return [prefix.toUpperCase(), ...groups].join("-");
}

/** Normalises what a person typed (lower case, spaces) to the stored form. */
export function normaliseCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, "");
}

export const CODE_PATTERN = /^[A-Z]{3}(-[2-9A-HJKMNP-TV-Z]{4}){3}$/;

/** A city's certificate prefix, the first group of CODE_PATTERN: three capital letters. */
export const PREFIX_PATTERN = /^[A-Z]{3}$/;
