// The page object for the 経路プラン view: the three steps of the form and
// the plan cards, found by role and accessible name.
import { AppPage } from './app-page.mjs';

/** The words of the switch that lets hospital links count as a way in. */
export const ASSUME_AGREEMENTS = '病院間協定・ID-Link 連携病院の先も閲覧できると仮定する（未確認）';

/** The mark on a card whose plan relies on a hospital link. */
export const AGREEMENTS_MARK = '未確認の仮定（病院間の連携を経由）';

/** The number of pages in a PDF that Chromium printed. */
export function pdfPageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

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

  /** The facility's button in step 1's list (its name goes on with its unions). */
  facilityOption(name) {
    return this.page.getByRole('button', { name: new RegExp(`^${name}`) });
  }

  /** The hospital's button in step 2's list. */
  hospitalOption(name) {
    return this.page.getByRole('button', { name: new RegExp(`^＋ ${name}`) });
  }

  async chooseFacility(query, name) {
    await this.facilitySearch().fill(query);
    await this.facilityOption(name).click();
    await this.page.getByText('選択中の施設').waitFor();
  }

  /** Step 1 for a facility not in the data: its ward, and the unions it is in (none by default). */
  async describeNewFacility(ward, unions = []) {
    await this.page.getByRole('radio', { name: /一覧にない施設/ }).check();
    await this.page.getByRole('combobox', { name: '所在の区' }).selectOption({ label: ward });
    const current = this.step('いま加入しているユニオン');
    for (const union of unions) await current.getByRole('checkbox', { name: union, exact: true }).check();
  }

  async addTarget(query, name) {
    await this.hospitalSearch().fill(query);
    await this.hospitalOption(name).click();
    await this.removeTarget(name).waitFor();
  }

  /** The step-3 switch for the unconfirmed assumption. */
  assumption() {
    return this.page.getByRole('checkbox', { name: ASSUME_AGREEMENTS });
  }

  /** The note above the results while the assumption is on. */
  assumptionBanner() {
    return this.results().locator('.assumption.banner[role="note"]');
  }

  /** Waits until the plan for the current query is on screen (the planner runs on a worker). */
  async settled() {
    await this.page.locator('[data-state="done"], [data-state="idle"]').waitFor();
  }

  /** The plan cards' titles, in order, once the plan is done. */
  async planTitles() {
    await this.settled();
    return this.page.getByRole('article').getByRole('heading', { level: 4 }).allTextContents();
  }

  /** Each card's `data-assumptions` ("" when the plan rests on confirmed steps only), in order. */
  async planAssumptions() {
    await this.settled();
    return this.page.getByRole('article').evaluateAll((cards) => cards.map((c) => c.dataset.assumptions ?? ''));
  }

  card(index) {
    return this.page.getByRole('article').nth(index);
  }

  /** The card whose title is `title`. */
  cardTitled(title) {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  /** What a card's 申し込むユニオン block says about `term` (ユニオン発足, 連携医療機関数), per union. */
  async joiningFacts(card, term) {
    return card.locator('.joining dt').filter({ hasText: term }).evaluateAll((dts) => dts.map((dt) => dt.nextElementSibling?.textContent ?? ''));
  }

  /** The numbered steps (the picture's text twin) of a card's path to `target`. */
  async pathSteps(card, target) {
    const heading = this.page.getByRole('heading', { level: 5, name: new RegExp(`^${target} まで`) });
    return card.locator('section').filter({ has: heading }).getByRole('listitem').allTextContents();
  }

  /** The printed checklist's header of a card, term by term (visible in print media only). */
  async checklist(card) {
    const pairs = await card.locator('.checklist-head dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? '']));
    return Object.fromEntries(pairs);
  }

  results() {
    return this.page.getByRole('region', { name: '加入プラン' });
  }

  /** The text box that holds the link to this plan. */
  shareLink() {
    return this.results().getByRole('textbox', { name: 'このプランのリンク' });
  }

  copyLinkButton() {
    return this.results().getByRole('button', { name: 'リンクをコピー', exact: true });
  }

  /** What the copy button says it did (empty until it is pressed). */
  copyStatus() {
    return this.results().locator('.share [role="status"]');
  }

  /** The chip's button that removes `name` from the targets. */
  removeTarget(name) {
    return this.page.getByRole('button', { name: `${name} を外す`, exact: true });
  }

  /** The hospital links listed beside the plans (headed as context only, or, under the assumption, as the plans' way in). */
  contextLinks() {
    return this.page.getByRole('region', { name: /^病院間の連携（/ });
  }

  unreachable() {
    return this.page.getByRole('region', { name: '届かない紹介先' });
  }

  /** The unreachable target named `hospital`: its list item, which carries `data-reason`. */
  unreachableTarget(hospital) {
    return this.unreachable().getByRole('listitem').filter({ has: this.page.getByText(hospital, { exact: true }) });
  }

  /**
   * Replaces window.print in the page with a recorder, so that a print
   * button can be pressed without a dialog opening. The stub fires no
   * `afterprint`: the page stays in its print state until a test sends one.
   */
  async stubPrint() {
    await this.page.evaluate(() => {
      window.printCalls = 0;
      window.print = () => {
        window.printCalls += 1;
      };
    });
  }

  async printCalls() {
    return this.page.evaluate(() => window.printCalls);
  }

  /** Presses the print button of the card titled `title`. */
  async printCard(title) {
    await this.cardTitled(title).getByRole('button', { name: `印刷：${title}`, exact: true }).click();
  }

  /** What the browser sends after its print dialog closes. */
  async afterPrint() {
    await this.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  }

  /** The page printed to an A4 PDF: how many pages. */
  async printedA4Pages() {
    return pdfPageCount(await this.page.pdf({ format: 'A4' }));
  }
}
