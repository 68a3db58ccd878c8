"use client";
/**
 * Tabs for the workspace's lower panels (Checks, Preview, Output, Terminal), with the keyboard
 * pattern of WAI-ARIA tabs: arrows move between tabs, Tab moves into the panel. Hidden panels
 * stay mounted, so the preview keeps its page while the learner reads the checks.
 */
import type { KeyboardEvent, ReactNode } from "react";

export interface PanelTab {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

export interface PanelTabsProps {
  tabs: PanelTab[];
  active: string;
  onSelect(id: string): void;
}

/**
 * The tab list and its panels.
 *
 * @example
 * <PanelTabs tabs={[{ id: "checks", label: "Checks", content: <ChecksPanel /> }]} active="checks" onSelect={setTab} />
 */
export function PanelTabs({ tabs, active, onSelect }: PanelTabsProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    document.getElementById(`panel-tab-${next.id}`)?.focus();
  };
  return (
    <div className="panels">
      <div className="panels__tabs" role="tablist" aria-label="Workspace panels">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            id={`panel-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === active}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === active ? 0 : -1}
            className="panels__tab"
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} id={`panel-${tab.id}`} role="tabpanel" aria-labelledby={`panel-tab-${tab.id}`} hidden={tab.id !== active} className="panels__panel" tabIndex={0}>
          {tab.content}
        </div>
      ))}
    </div>
  );
}
