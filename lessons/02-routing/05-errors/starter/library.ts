import { loans, type Book, type Loan } from "./data";

/** Thrown when a book cannot be lent because someone has it. It knows nothing about HTTP. */
export class BookUnavailable extends Error {
  constructor(readonly book: Book) {
    super(`"${book.title}" is already on loan.`);
    this.name = "BookUnavailable";
  }
}

const LOAN_DAYS = 21;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Lends `book` to `member` for three weeks; throws BookUnavailable if it is already out. */
export function lendBook(book: Book, member: string): Loan & { id: string } {
  if (Object.values(loans).some((loan) => loan.bookId === book.id)) throw new BookUnavailable(book);
  const loan: Loan = { bookId: book.id, member, due: new Date(Date.now() + LOAN_DAYS * DAY_MS).toISOString().slice(0, 10) };
  const id = crypto.randomUUID();
  loans[id] = loan;
  return { id, ...loan };
}
