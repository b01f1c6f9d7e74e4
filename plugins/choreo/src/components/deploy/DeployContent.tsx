/** Placeholder: being built. */
export const DeployContent = () => <div>DeployContent</div>;
