/** Placeholder: being built. */
export const MarketplacePage = () => <div>MarketplacePage</div>;
