// The page object for tsunagu's frame: header, language switch, navigation
// and the current view. Elements are found by role and accessible name, as a
// person or a screen reader would find them.

/** The UI words the tests look for, per language. */
export const WORDS = {
  ja: {
    title: 'つなぐ — さっぽろ ID-Link 連携経路ナビ',
    nav: '表示の切り替え',
    language: '表示言語',
    views: { planner: '経路プラン', network: 'ネットワーク', growth: '成長', whatif: 'もしも', wards: '地域', data: 'データ' },
  },
  en: {
    title: 'tsunagu — Sapporo ID-Link referral path navigator',
    nav: 'Views',
    language: 'Language',
    views: { planner: 'Plans', network: 'Network', growth: 'Growth', whatif: 'What if', wards: 'Wards', data: 'Data' },
  },
};

/** The heading each view shows, per language. */
export const VIEW_TITLES = {
  ja: { ...WORDS.ja.views, whatif: 'もしも（つながったら）' },
  en: { planner: 'Referral plans', network: 'Network', growth: 'Growth', whatif: 'What if (connecting the unions)', wards: 'Wards', data: 'Data' },
};

export const VIEWS = ['planner', 'network', 'growth', 'whatif', 'wards', 'data'];

export class AppPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.lang = 'ja';
  }

  get words() {
    return WORDS[this.lang];
  }

  /** Opens the app at a fragment route such as `/network`, and waits for it to render. */
  async goto(route = '/') {
    await this.page.goto(`${this.baseUrl}/#${route}`);
    await this.banner().waitFor();
    this.lang = (await this.page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'ja';
  }

  banner() {
    return this.page.getByRole('banner');
  }

  appTitle() {
    return this.banner().getByRole('heading', { level: 1 });
  }

  navigation() {
    return this.page.getByRole('navigation', { name: this.words.nav });
  }

  navLink(view) {
    return this.navigation().getByRole('link', { name: this.words.views[view], exact: true });
  }

  /** The current view's heading. */
  viewHeading() {
    return this.page.getByRole('main').getByRole('heading', { level: 2 });
  }

  languageButton(lang) {
    return this.page
      .getByRole('group', { name: this.words.language })
      .getByRole('button', { name: lang === 'ja' ? '日本語' : 'English', exact: true });
  }

  async switchLanguage(lang) {
    await this.languageButton(lang).click();
    this.lang = lang;
    await this.appTitle().filter({ hasText: WORDS[lang].title }).waitFor();
  }

  /** Presses Tab until `locator` has focus; fails after `limit` presses. */
  async tabTo(locator, limit = 40) {
    await this.pressUntilFocused('Tab', locator, limit);
  }

  /** Presses Shift+Tab until `locator` has focus; fails after `limit` presses. */
  async backTabTo(locator, limit = 40) {
    await this.pressUntilFocused('Shift+Tab', locator, limit);
  }

  async pressUntilFocused(key, locator, limit) {
    for (let i = 0; i < limit; i += 1) {
      await this.page.keyboard.press(key);
      if (await this.hasFocus(locator)) return;
    }
    throw new Error(`${key} never reached ${locator}`);
  }

  /** Whether `locator` is the focused element now. */
  async hasFocus(locator) {
    return locator.evaluate((el) => el === document.activeElement);
  }

  /** Waits until `locator` has focus (focus may move after the next render). */
  async focused(locator) {
    const element = await locator.elementHandle();
    await this.page.waitForFunction((el) => el === document.activeElement, element);
    await element.dispose();
  }

  /** The focused element's outline, as computed. */
  async focusRing() {
    return this.page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return { style: style.outlineStyle, width: style.outlineWidth, offset: style.outlineOffset };
    });
  }
}
