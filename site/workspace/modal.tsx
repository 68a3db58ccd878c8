"use client";
/**
 * A modal dialog on the native <dialog> element: the browser traps focus inside, Escape closes
 * it, and focus returns to the button that opened it.
 */
import { useEffect, useId, useRef, type ReactNode } from "react";

export interface ModalProps {
  open: boolean;
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
}

/**
 * A titled modal dialog.
 *
 * @example
 * <Modal open={asking} title="Reset your files?" onClose={() => setAsking(false)}>...</Modal>
 */
export function Modal({ open, title, onClose, children, wide }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className={`modal${wide ? " modal--wide" : ""}`} aria-labelledby={titleId} onClose={onClose}>
      <header className="modal__head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button button--quiet" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </header>
      <div className="modal__body">{open ? children : null}</div>
    </dialog>
  );
}
