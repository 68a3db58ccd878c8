/** The library's data. A real app would use a database; a module is enough to learn routing. */

export interface Book {
  id: number;
  title: string;
  author: string;
  isbn: string;
}

export const books: Book[] = [
  { id: 1, title: "The Pragmatic Programmer", author: "Andrew Hunt and David Thomas", isbn: "9780135957059" },
  { id: 2, title: "Structure and Interpretation of Computer Programs", author: "Harold Abelson and Gerald Jay Sussman", isbn: "9780262510875" },
  { id: 3, title: "Designing Data-Intensive Applications", author: "Martin Kleppmann", isbn: "9781449373320" },
];

/** Help pages by path; some live in sub-folders. */
export const docs: Record<string, string> = {
  "README.md": "# The library\n\nBorrow up to three books at a time.\n",
  "guides/borrowing.md": "# Borrowing\n\nShow your card at the desk.\n",
  "guides/returns/late-fees.md": "# Late fees\n\n10 cents a day, capped at the price of the book.\n",
};

export interface Loan {
  bookId: number;
  member: string;
  due: string;
}

/** Loans by id. The ids are UUIDs, so nobody can guess the next one. */
export const loans: Record<string, Loan> = {
  "8e8539fb-5558-46ac-b72b-d3464f1575ad": { bookId: 1, member: "ada", due: "2030-01-15" },
  "8dce7545-f8b9-4fde-8fc3-9d7e2e31a5b9": { bookId: 3, member: "grace", due: "2030-02-01" },
};
