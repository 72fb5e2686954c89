// Swedish organisationsnummer: 10 digits NNNNNN-NNNN, the last a Luhn check digit.
// Legal persons have 20 or more in digits 3–4; lower values are personnummer, which we
// refuse so that no personal identity number is stored as an organisation.

export type OrgNumberProblem = "format" | "checkDigit" | "personalNumber";

export function digitsOf(input: string): string {
  let digits = input.replace(/[\s-]/g, "");
  // Accept the 12-digit form with the century prefix "16" that some registers use.
  if (/^16\d{10}$/.test(digits)) digits = digits.slice(2);
  return digits;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function orgNumberProblem(input: string): OrgNumberProblem | null {
  const digits = digitsOf(input);
  if (!/^\d{10}$/.test(digits) || !/^[\d\s-]+$/.test(input)) return "format";
  if (!luhnValid(digits)) return "checkDigit";
  if (Number(digits.slice(2, 4)) < 20) return "personalNumber";
  return null;
}

export function formatOrgNumber(input: string): string {
  const digits = digitsOf(input);
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** Adds the Luhn check digit to nine digits (used by the demo data and tests). */
export function withCheckDigit(nine: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(nine + d)) return formatOrgNumber(nine + d);
  throw new Error("unreachable");
}
