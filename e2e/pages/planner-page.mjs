// The page object for the 経路プラン view: the three steps of the form and
// the plan cards, found by role and accessible name.
import { AppPage } from './app-page.mjs';

export class PlannerPage extends AppPage {
  step(name) {
    return this.page.getByRole('group', { name });
  }

  facilitySearch() {
    return this.page.getByRole('searchbox', { name: '施設名で検索' });
  }

  hospitalSearch() {
    return this.page.getByRole('searchbox', { name: '病院名で検索' });
  }

  async chooseFacility(query, name) {
    await this.facilitySearch().fill(query);
    await this.page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    await this.page.getByText('選択中の施設').waitFor();
  }

  async addTarget(query, name) {
    await this.hospitalSearch().fill(query);
    await this.page.getByRole('button', { name: new RegExp(`^＋ ${name}`) }).click();
    await this.page.getByRole('button', { name: `${name} を外す` }).waitFor();
  }

  /** Waits until the plan for the current query is on screen (the planner runs on a worker). */
  async settled() {
    await this.page.locator('[data-state="done"], [data-state="idle"]').waitFor();
  }

  /** The plan cards' titles, in order, once the plan is done. */
  async planTitles() {
    await this.settled();
    return this.page.getByRole('article').getByRole('heading', { level: 3 }).allTextContents();
  }

  card(index) {
    return this.page.getByRole('article').nth(index);
  }

  results() {
    return this.page.getByRole('region', { name: '加入プラン' });
  }
}
