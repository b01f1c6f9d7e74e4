/** Placeholder: being built. */
export const PlatformOverviewPage = () => <div>PlatformOverviewPage</div>;
