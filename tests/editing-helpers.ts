/**
 * What the specs on the editing server (playwright.config.ts) share: an editor made by the
 * user:create admin through the API, as an admin would make one, and signing in through the form.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { E2E_ADMIN } from './editing-accounts.js';
import { expect } from './fixtures.js';

export const editingBaseURL = `http://127.0.0.1:${process.env.E2E_EDITING_PORT}`;

export interface TestUser {
  email: string;
  name: string;
  organisation: string;
  password: string;
}

/** Creates an editor as the admin; a retry that finds it already made goes on. */
export async function createEditor(request: APIRequestContext, user: TestUser) {
  const signIn = await request.post(`${editingBaseURL}/api/auth/sign-in`, {
    data: { email: E2E_ADMIN.email, password: process.env.E2E_ADMIN_PASSWORD },
  });
  expect(signIn.status(), await signIn.text()).toBe(200);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const created = await request.post(`${editingBaseURL}/api/admin/users`, {
    headers: { 'x-csrf-token': csrfToken },
    data: { ...user, role: 'editor' },
  });
  expect([201, 409], await created.text()).toContain(created.status());
}

/** Signs in through the sign-in form and lands on `next`. */
export async function signIn(page: Page, email: string, password: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new URL(next, editingBaseURL).href);
}
