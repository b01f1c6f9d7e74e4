import { CellMark } from './CellMark';

/** The collapsed sidebar's logo. */
export const LogoIcon = () => <CellMark size={28} />;
