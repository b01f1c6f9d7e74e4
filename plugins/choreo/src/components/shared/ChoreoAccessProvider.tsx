import { useApi } from '@backstage/frontend-plugin-api';
import { AccessOverview } from '@choreo-for-backstage/plugin-choreo-common';
import { ReactNode, createContext, useContext, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { choreoApiRef } from '../../api/choreoApi';

/** OpenChoreo's roles and bindings, as far as they could be read. */
export interface AccessState {
  value?: AccessOverview;
  error?: Error;
  loading: boolean;
}

const AccessContext = createContext<AccessState>({ loading: false });

/**
 * Reads `/access` once for the page, so every disabled button can name the
 * roles that would allow it without asking again.
 */
export const ChoreoAccessProvider = ({ children }: { children: ReactNode }) => {
  const api = useApi(choreoApiRef);
  const { value, error, loading } = useAsync(() => api.getAccess(), [api]);
  // one object per answer, so consumers re-render only when it changes
  const state = useMemo(
    () => ({ value, error, loading }),
    [value, error, loading],
  );
  return (
    <AccessContext.Provider value={state}>{children}</AccessContext.Provider>
  );
};

/** The page's access overview; empty outside a ChoreoAccessProvider. */
export const useAccessOverview = (): AccessState => useContext(AccessContext);
