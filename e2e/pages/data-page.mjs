// Page objects for the データ and 地域 views: their tables, found by caption,
// and the controls around them, found by role and accessible name.
import { AppPage } from './app-page.mjs';

export class TablePage extends AppPage {
  /** The table whose caption starts with `caption`. */
  table(caption) {
    return this.page.getByRole('table', { name: new RegExp(`^${caption}`) });
  }

  /** The body rows of a table (header and footer rows excluded). */
  bodyRows(caption) {
    return this.table(caption).locator('tbody tr');
  }

  /** The row headers (first cells) of a table's body, as text. */
  async rowNames(caption) {
    return this.table(caption).locator('tbody th').allTextContents();
  }

  sortButton(caption, column) {
    return this.table(caption).getByRole('button', { name: column });
  }

  search() {
    return this.page.getByRole('searchbox', { name: this.lang === 'ja' ? '表を検索' : 'Search the table' });
  }

  tableSwitch(name) {
    return this.page
      .getByRole('group', { name: this.lang === 'ja' ? '表の切り替え' : 'Tables' })
      .getByRole('button', { name: new RegExp(`^${name}\\s*\\d+$`) });
  }
}
