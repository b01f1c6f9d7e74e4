/** Placeholder: being built. */
export const BuildsContent = () => <div>BuildsContent</div>;
