/**
 * Tells the server-side view whether its tab is visible: once as soon as the view is on the page
 * (which also shows the server that a browser runs it), then at every change, until the view has
 * left the page. The server pauses runs whose tabs stay hidden.
 */
type ReportingView = HTMLElement & {
  $server: { visibilityChanged(state: DocumentVisibilityState): void };
  reportVisibility?: () => void;
};

function watchVisibility(view: ReportingView): void {
  // A view attached again (a reload of the same UI) replaces its old listener.
  if (view.reportVisibility) {
    document.removeEventListener('visibilitychange', view.reportVisibility);
  }
  const report = () => {
    if (!view.isConnected) {
      document.removeEventListener('visibilitychange', report);
      return;
    }
    view.$server.visibilityChanged(document.visibilityState);
  };
  view.reportVisibility = report;
  document.addEventListener('visibilitychange', report);
  report();
}

const global = window as unknown as { trainingPlayground?: Record<string, unknown> };
global.trainingPlayground = { ...global.trainingPlayground, watchVisibility };

// A module, so that its names stay its own.
export {};
