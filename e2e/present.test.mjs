// Presentation mode: the guided tour, stepped with Space and the arrow keys,
// in large type; Esc leaves it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { openPage } from './support/browser.mjs';
import { withAppServer } from './support/harness.mjs';
import { seriousViolations } from './support/axe.mjs';
import { AppPage } from './pages/app-page.mjs';

const env = withAppServer();

describe('presentation mode', () => {
  test('the tour steps through growth, a sample plan and the what-if, and Esc leaves to the view it was opened from', async () => {
    const { context, page, problems } = await openPage(env.browser, { viewport: { width: 1920, height: 1080 } });
    const app = new AppPage(page, env.server.url);
    await app.goto('/network');
    await page.getByRole('link', { name: '▶ 発表モード' }).click();
    const title = page.getByRole('heading', { level: 1 });
    // Every slide is in the page (for printing); the current one is shown.
    const current = page.locator('.slide.current');
    // TMNIT in Hokkaido was founded in 2012年2月, before the first go-live.
    await title.filter({ hasText: '2012年2月' }).waitFor();
    // The page frame is hidden: the only navigation is the deck's own.
    assert.equal(await page.getByRole('navigation').count(), 1);
    await page.getByRole('navigation', { name: 'スライド' }).waitFor();
    const size = await title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 48, `large type: ${size}px`);
    assert.deepEqual(await seriousViolations(page), []);

    await page.keyboard.press('Space');
    await title.filter({ hasText: '2012年3月' }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await title.filter({ hasText: '2012年2月' }).waitFor();
    // Space on a focused button is the button's: 前へ steps back, not on.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await current.getByText(/^3 \/ \d+$/).waitFor();
    const before = await current.locator('.present-count').textContent();
    await page.locator('.present-nav button').first().focus();
    await page.keyboard.press('Space');
    await page.waitForFunction((b) => document.querySelector('.slide.current .present-count')?.textContent !== b, before);
    assert.equal(
      Number((await current.locator('.present-count').textContent()).split('/')[0]),
      Number(before.split('/')[0]) - 1,
    );
    await page.keyboard.press('Home');
    await title.filter({ hasText: '2012年2月' }).waitFor();

    const count = Number((await current.getByText(/^1 \/ \d+$/).textContent()).split('/')[1]);
    for (let i = 1; i < count - 2; i += 1) await page.keyboard.press('ArrowRight');
    await title.filter({ hasText: '2023年10月' }).waitFor();
    await current.getByText('さっぽろID-Link連絡会 発足（2023年10月31日）').waitFor();
    await current.getByText('累計: 稼働した開示病院 7・ユニオン 6').waitFor();
    await page.keyboard.press('Space');
    // The sample is picked from the data: the facility in the most unions,
    // and the first 開示病院 none of them opens.
    await title.filter({ hasText: '例: みきファミリークリニック から NTT東日本札幌病院 へ' }).waitFor();
    // NTT東日本札幌病院 hosts only its own union; みき's unions do not open it.
    await current.getByText('1 ユニオンに加入: NTT東日本札幌病院 地域医療連携ネットワークシステム — 中継なし（直接開示）').waitFor();
    assert.equal(await current.getByText('加入不要').count(), 0);
    await page.keyboard.press('Space');
    await title.filter({ hasText: '次のステップ: 全体でユニオンを繋げる' }).waitFor();
    // Worked by hand: seven 開示病院 each host one union. Today a facility
    // in no union joins all seven and a TMNIT member the other six; with
    // every union connected to every other, one union and one relay reach
    // them all, and a TMNIT member joins nothing.
    await current.getByText(
      'いま: 開示病院 7 か所すべてを見るには、どのユニオンにも入っていない施設は 7 ユニオンに加入（中継なし）、TMNIT in Hokkaido の会員は 6 ユニオンに加入（中継なし）',
    ).waitFor();
    await current.getByText(
      '全体でユニオンを繋げると（仮定）: どこにも入っていない施設は 1 ユニオンに加入（中継 最大 1 回）、TMNIT in Hokkaido の会員は 加入不要（中継 最大 1 回）',
    ).waitFor();
    // The last slide stays the last.
    await page.keyboard.press('Space');
    await current.getByText(`${count} / ${count}`).waitFor();

    await page.keyboard.press('Escape');
    await app.viewHeading().filter({ hasText: 'ネットワーク' }).waitFor();
    assert.deepEqual(problems.filter((p) => !p.includes('fullscreen')), []);
    await context.close();
  });

  test('opened from a plan, the deck leaves back to that very plan, by Esc or by its exit button', async () => {
    const { context, page, problems } = await openPage(env.browser, { viewport: { width: 1366, height: 768 } });
    const app = new AppPage(page, env.server.url);
    const link = '/?f=miki-family-clinic&t=hokudai&a=agreements';
    await app.goto(link);
    await page.locator('article.plan-card').first().waitFor();
    for (const leave of [() => page.keyboard.press('Escape'), () => page.getByRole('button', { name: '終了（Esc）' }).click()]) {
      await page.getByRole('link', { name: '▶ 発表モード' }).click();
      await page.getByRole('navigation', { name: 'スライド' }).waitFor();
      await leave();
      await page.locator('article.plan-card').first().waitFor();
      assert.ok(page.url().endsWith(`#${link}`), page.url());
    }
    assert.deepEqual(problems.filter((p) => !p.includes('fullscreen')), []);
    await context.close();
  });

  test('in English, where every line carries its Japanese too, the last slide still fits 1280×720 above the buttons', async () => {
    const { context, page, problems } = await openPage(env.browser, { viewport: { width: 1280, height: 720 } });
    const app = new AppPage(page, env.server.url);
    await app.goto('/network');
    await app.switchLanguage('en');
    await page.getByRole('link', { name: '▶ Present' }).click();
    await page.getByRole('navigation', { name: 'Slides' }).waitFor();
    await page.keyboard.press('End');
    const last = page.locator('.slide.current .present-lines li').last();
    await last.getByText('Each hospital', { exact: false }).waitFor();
    const bottom = await last.evaluate((el) => el.getBoundingClientRect().bottom);
    const nav = await page.locator('.present-nav').evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(bottom <= nav, `the last line ends at ${bottom}, the buttons start at ${nav}`);
    assert.deepEqual(problems.filter((p) => !p.includes('fullscreen')), []);
    await context.close();
  });

  test('the deck steps by click, its buttons and the keys; growth slides draw the map and the totals; it reads from the back and fits 1280×720', async () => {
    for (const [width, height] of [[1920, 1080], [1280, 720]]) {
      const { context, page, problems } = await openPage(env.browser, { viewport: { width, height } });
      // Opened straight from a link: no console error.
      await page.goto(`${env.server.url}/#/present`);
      const title = page.getByRole('heading', { level: 1 });
      await title.filter({ hasText: '2012年2月' }).waitFor();
      const current = page.locator('.slide.current');
      const count = Number((await current.locator('.present-count').textContent()).split('/')[1]);
      // A growth slide shows the map as it stood and the running totals.
      assert.equal(await current.locator('svg.present-map').count(), 1);
      assert.equal(await current.locator('.present-chart svg').count(), 1);
      const codes = await current.locator('[data-ward]').evaluateAll((els) => new Set(els.map((e) => e.getAttribute('data-ward'))).size);
      assert.equal(codes, 10);
      // The map is a picture on a slide: Tab passes it by, so that the arrow
      // keys stay the deck's (a focused map node took them for itself).
      assert.equal(await current.locator('svg.present-map [tabindex]').count(), 0);
      for (let t = 0; t < 4; t += 1) await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest('svg'))), false);
      if (width === 1920) {
        const body = await current.locator('.present-lines li').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        assert.ok(body >= 28, `body text ${body}px at 1920×1080`);
      }
      const nav = page.getByRole('navigation', { name: 'スライド' });
      await nav.getByRole('button', { name: /次へ/ }).click();
      await current.locator('.present-count').filter({ hasText: `2 / ${count}` }).waitFor();
      await nav.getByRole('button', { name: /前へ/ }).click();
      await current.locator('.present-count').filter({ hasText: `1 / ${count}` }).waitFor();
      // A click on the slide moves on.
      await current.locator('h1').click();
      await current.locator('.present-count').filter({ hasText: `2 / ${count}` }).waitFor();
      await page.keyboard.press('End');
      await current.locator('.present-count').filter({ hasText: `${count} / ${count}` }).waitFor();
      assert.equal(await nav.getByRole('button', { name: /次へ/ }).isDisabled(), true);
      // 次へ pressed onto the last slide turns off: focus goes to 前へ, not
      // the page; and a screen reader hears the place and the title.
      await page.keyboard.press('ArrowLeft');
      await nav.getByRole('button', { name: /次へ/ }).click();
      await current.locator('.present-count').filter({ hasText: `${count} / ${count}` }).waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'present-previous');
      const lastTitle = await current.locator('h1').textContent();
      assert.equal(await page.locator('.present [role="status"]').textContent(), `${count} / ${count}：${lastTitle}`);
      await page.keyboard.press('Home');
      await current.locator('.present-count').filter({ hasText: `1 / ${count}` }).waitFor();
      // Nothing is cut off: every slide's content ends inside the window,
      // above the deck's buttons.
      for (let i = 0; i < count; i += 1) {
        // (An SVG clips what it draws to its own box: its shapes' boxes are
        // not where they show.)
        const bottom = await current.evaluate((el) => Math.max(...[...el.querySelectorAll('*')].filter((e) => !e.parentElement.closest('svg')).map((e) => e.getBoundingClientRect().bottom)));
        const navTop = await nav.evaluate((el) => el.getBoundingClientRect().top);
        assert.ok(bottom <= navTop + 1, `slide ${i + 1} at ${width}×${height}: ends at ${bottom}, the buttons start at ${navTop}`);
        // The map's names and the chart's figures read from the back of the
        // room (their font size on screen: the size drawn times the SVG's
        // scale), and no name runs off the drawn map (the viewBox, which
        // the element may letterbox).
        const texts = await current.evaluate((el) => {
          const onScreen = (t) => parseFloat(t.getAttribute('font-size') ?? getComputedStyle(t).fontSize) * t.getScreenCTM().a;
          const map = el.querySelector('svg.present-map');
          const box = map?.viewBox.baseVal;
          const ctm = map?.getScreenCTM();
          const edge = map ? ctm.e + (box.x + box.width) * ctm.a : 0;
          const bottom = map ? ctm.f + (box.y + box.height) * ctm.d : 0;
          return {
            map: [...(map?.querySelectorAll('text') ?? [])].map((t) => {
              const r = t.getBoundingClientRect();
              return { text: t.textContent, size: onScreen(t), right: r.right - edge, below: r.bottom - bottom };
            }),
            // Nothing on a slide's map is dimmed: its subject is only ringed.
            dimmed: [...(map?.querySelectorAll('.map-node') ?? [])].filter((g) => (g.getAttribute('opacity') ?? '1') !== '1').length,
            // The chart's figures are sized by the stylesheet.
            chart: [...el.querySelectorAll('.present-chart svg text')].map((t) => ({ text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a })),
          };
        });
        for (const t of texts.map) {
          assert.ok(t.size >= 13, `slide ${i + 1} at ${width}×${height}: the map's 「${t.text}」 is ${t.size.toFixed(1)} px`);
          assert.ok(t.right <= 1 && t.below <= 1, `slide ${i + 1} at ${width}×${height}: the map's 「${t.text}」 runs ${t.right.toFixed(0)} px right of it, ${t.below.toFixed(0)} px below`);
        }
        assert.equal(texts.dimmed, 0, `slide ${i + 1}: dimmed nodes on the map`);
        // A slide about a hospital going live names it on its map.
        const live = (await current.locator('.present-lines li').first().textContent()).match(/^(.+) が ID-Link を稼働/);
        if (live) assert.ok(texts.map.some((t) => t.text === live[1]), `slide ${i + 1}: ${live[1]} is not named on the map`);
        for (const t of texts.chart) assert.ok(t.size >= 12, `slide ${i + 1} at ${width}×${height}: the chart's 「${t.text}」 is ${t.size.toFixed(1)} px`);
        if (i === 0) assert.ok(texts.map.length >= 10 && texts.chart.length >= 10, JSON.stringify(texts).slice(0, 200));
        await page.keyboard.press('ArrowRight');
        if (i + 1 < count) await current.locator('.present-count').filter({ hasText: `${i + 2} / ${count}` }).waitFor();
      }
      if (width === 1280) {
        // Handouts: printed, the deck is one landscape page per slide.
        const pdf = (await page.pdf({ format: 'A4', landscape: true })).toString('latin1');
        assert.equal((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length, count);
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
