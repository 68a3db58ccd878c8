import { ValidationError, type ConverterFactory } from "vial/routing";

/** Whether 13 digits end in the right ISBN-13 check digit (weights 1, 3, 1, 3, ...). */
function hasValidCheckDigit(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}

/**
 * `<isbn:code>`: 13 digits, dashes allowed anywhere. The handler gets the bare digits; a number
 * with a wrong check digit does not match, so the request answers 404 without reaching it.
 */
export const isbnConverter: ConverterFactory = () => ({
  regex: "97[89][0-9-]{10,16}",
  weight: 100,
  partIsolating: true,
  toValue(raw) {
    const digits = raw.replaceAll("-", "");
    if (!/^\d{13}$/.test(digits) || !hasValidCheckDigit(digits)) throw new ValidationError("not an ISBN-13");
    return digits;
  },
  toUrl: (value) => String(value),
});
