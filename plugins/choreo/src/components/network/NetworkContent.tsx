/** Placeholder: being built. */
export const NetworkContent = () => <div>NetworkContent</div>;
