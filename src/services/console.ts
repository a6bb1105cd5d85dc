import type { DashboardView } from '../../types/console'
import { callFunction } from './api'
import { useQuery } from './use-query'

// The host's console hub: its numbers (admin and owner), kept by the timer.

export const DASHBOARD_KEY = 'host.dashboard'

export function fetchDashboard(): Promise<DashboardView> {
  return callFunction('host', 'dashboard', {})
}

export function useDashboard(enabled: boolean) {
  return useQuery<DashboardView | null>(`${DASHBOARD_KEY}:${enabled ? 'on' : 'off'}`, () => (enabled ? fetchDashboard() : Promise.resolve(null)))
}
