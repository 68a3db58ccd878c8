/** The library's data. A real app would use a database; a module is enough to learn routing. */

export interface Book {
  id: number;
  title: string;
  author: string;
}

export const books: Book[] = [
  { id: 1, title: "The Pragmatic Programmer", author: "Andrew Hunt and David Thomas" },
  { id: 2, title: "Structure and Interpretation of Computer Programs", author: "Harold Abelson and Gerald Jay Sussman" },
  { id: 3, title: "Designing Data-Intensive Applications", author: "Martin Kleppmann" },
];

export interface Loan {
  bookId: number;
  member: string;
  due: string;
}

/** Loans by id. */
export const loans: Record<string, Loan> = {
  "8e8539fb-5558-46ac-b72b-d3464f1575ad": { bookId: 1, member: "ada", due: "2030-01-15" },
  "8dce7545-f8b9-4fde-8fc3-9d7e2e31a5b9": { bookId: 3, member: "grace", due: "2030-02-01" },
};
