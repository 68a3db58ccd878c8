/** The library's books. A real app would use a database; a module is enough to learn sessions. */

export interface Book {
  id: number;
  title: string;
  author: string;
}

export const books: Book[] = [
  { id: 1, title: "The Pragmatic Programmer", author: "Andrew Hunt and David Thomas" },
  { id: 2, title: "Structure and Interpretation of Computer Programs", author: "Harold Abelson and Gerald Jay Sussman" },
  { id: 3, title: "Designing Data-Intensive Applications", author: "Martin Kleppmann" },
  { id: 4, title: "The Mythical Man-Month", author: "Frederick P. Brooks Jr." },
];
