/**
 * Under 900 px (the breakpoint of styles/panels.css) the settings fold into a drawer
 * (ui/SettingsDrawer): closed when the page opens, so a phone or a tablet opens on the run, and
 * opened again whenever the window gets wide, where the drawer's handle is hidden.
 */
type Drawer = HTMLElement & { opened: boolean; foldWhenNarrow?: (e: MediaQueryListEvent) => void };

const narrow = window.matchMedia('(max-width: 900px)');

function foldSettingsWhenNarrow(drawer: Drawer): void {
  // A drawer attached again (a reload of the same UI) replaces its old listener.
  if (drawer.foldWhenNarrow) {
    narrow.removeEventListener('change', drawer.foldWhenNarrow);
  }
  const openWhenWide = (change: MediaQueryListEvent) => {
    if (!drawer.isConnected) {
      narrow.removeEventListener('change', openWhenWide);
    } else if (!change.matches) {
      drawer.opened = true;
    }
  };
  drawer.foldWhenNarrow = openWhenWide;
  narrow.addEventListener('change', openWhenWide);
  // A drawer locked by a course page (lock=settings) could not be opened again: it stays open.
  if (narrow.matches && !drawer.closest('[disabled]')) {
    drawer.opened = false;
  }
}

const global = window as unknown as { trainingPlayground?: Record<string, unknown> };
global.trainingPlayground = { ...global.trainingPlayground, foldSettingsWhenNarrow };

// A module, so that its names stay its own.
export {};
