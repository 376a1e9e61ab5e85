//! Browser tests: the Yew app and the JS API in a real DOM, in headless
//! Chromium and in headless Firefox ESR. Run with `cargo test --target
//! wasm32-unknown-unknown --test browser`, which takes the browser from
//! `CHROMEDRIVER` or `GECKODRIVER` (`make test-browser` runs both).
#![cfg(target_arch = "wasm32")]

use jianfu::core::lang::Lang;
use jianfu::web::app::{App, AppProps};
use jianfu::web::decode::{decode, DecodeError, Encoding};
use jianfu::web::query::PageOptions;
use jianfu::web::{api, storage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Renders the app into a fresh element, with nothing saved from an earlier
/// test, and waits for Yew to finish.
async fn render(options: PageOptions) -> web_sys::Element {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    render_keeping_storage(options).await
}

async fn render_keeping_storage(options: PageOptions) -> web_sys::Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            options,
            saves: true,
        },
    )
    .render();
    yew::scheduler::flush().await;
    // The panels below the fold come after the first frame.
    until("the plan editor to come", || {
        root.query_selector("[data-testid='plan-editor']")
            .unwrap()
            .is_some()
    })
    .await;
    settled(&root).await;
    root
}

fn by_test_id(root: &web_sys::Element, test_id: &str) -> web_sys::Element {
    root.query_selector(&format!("[data-testid='{test_id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={test_id}"))
}

fn text_of(root: &web_sys::Element, test_id: &str) -> String {
    by_test_id(root, test_id).text_content().unwrap_or_default()
}

fn click(root: &web_sys::Element, test_id: &str) {
    by_test_id(root, test_id)
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
}

/// Types `text` into the paste box as a user's paste would arrive, and
/// waits for the page to fill in around its figures.
async fn paste(root: &web_sys::Element, text: &str) {
    put_in_box(root, text).await;
    settled(root).await;
}

/// [`paste`] up to the render that shows the figures.
async fn put_in_box(root: &web_sys::Element, text: &str) {
    let area: web_sys::HtmlTextAreaElement = by_test_id(root, "paste").dyn_into().unwrap();
    area.set_value(text);
    let event = web_sys::InputEvent::new("input").unwrap();
    area.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

/// Waits until the page has filled in around the figures: nothing in it is
/// `aria-busy`. The panels below the fold (and the paste box, given a list
/// that replaced it) take a new list after the frame that shows its
/// figures.
async fn settled(root: &web_sys::Element) {
    until("the page to fill in around the figures", || {
        root.query_selector("[aria-busy='true']").unwrap().is_none()
    })
    .await;
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits, letting timers run and Yew render, until `ready`; panics after
/// 5 s, naming `what` was awaited.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..250 {
        if ready() {
            return;
        }
        sleep(20).await;
        yew::scheduler::flush().await;
    }
    panic!("waited 5 s for {what}");
}

/// The paste box's text, once what the page holds has come into it: a list
/// that replaced the box comes in after the frame that shows its figures,
/// and the box is `aria-busy` until then.
async fn box_text(root: &web_sys::Element) -> String {
    let area: web_sys::HtmlTextAreaElement = by_test_id(root, "paste").dyn_into().unwrap();
    until("the paste box to take the list", || {
        area.get_attribute("aria-busy").is_none()
    })
    .await;
    area.value()
}

fn html_lang() -> Option<String> {
    document().document_element().unwrap().get_attribute("lang")
}

#[wasm_bindgen_test]
async fn renders_the_title_in_chinese_by_default() {
    let root = render(PageOptions::default()).await;
    assert_eq!(text_of(&root, "title"), "减负测算");
    assert_eq!(html_lang().as_deref(), Some("zh-CN"));
}

#[wasm_bindgen_test]
async fn the_switch_changes_language_and_html_lang() {
    let root = render(PageOptions::default()).await;
    click(&root, "lang-switch");
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "title"), "Jianfu");
    assert_eq!(html_lang().as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn the_query_string_picks_english() {
    let options = PageOptions::from_query("?lang=en&embed=1&demo=changxing");
    assert_eq!(options.lang, Some(Lang::En));
    assert!(options.embed);
    assert!(options.demo);
    let root = render(options).await;
    // Embedded: no header, so no title; the demo is loaded.
    assert!(root
        .query_selector("[data-testid='title']")
        .unwrap()
        .is_none());
    assert_eq!(text_of(&root, "accounts-total"), "282");
}

#[wasm_bindgen_test]
async fn a_paste_updates_the_figures() {
    let root = render(PageOptions::default()).await;
    // Two accounts, both with known posts and hours per post:
    // 甲: 300 followers (< 1,000) → close; hours = 2 posts × 52 × 2 h = 208 h.
    // 乙: 5,000 followers, part-time, kept; hours = 1 × 52 × 3 h = 156 h.
    // Hours freed = 208 h; no cash.
    paste(
        &root,
        "公众号名称\t粉丝数\t每周发布次数\t每期耗时\n甲发布\t300\t2\t2\n乙发布\t5000\t1\t3\n",
    )
    .await;
    assert_eq!(text_of(&root, "accounts-total"), "2");
    assert_eq!(text_of(&root, "accounts-shut"), "1");
    let low = by_test_id(&root, "hours-freed-low");
    let high = by_test_id(&root, "hours-freed-high");
    assert_eq!(low.get_attribute("data-value").as_deref(), Some("208"));
    assert_eq!(high.get_attribute("data-value").as_deref(), Some("208"));
    // 208–208 reads as one number: the high end is kept but hidden.
    let hidden = |element: &web_sys::Element| {
        element
            .parent_element()
            .is_some_and(|parent| parent.has_attribute("hidden"))
    };
    assert!(!hidden(&low));
    assert!(hidden(&high), "a range whose ends agree shows one number");
    assert!(text_of(&root, "diagnostics").contains("未发现问题"));
}

#[wasm_bindgen_test]
async fn an_unreadable_cell_is_reported_with_row_column_and_value() {
    let root = render(PageOptions::default()).await;
    paste(&root, "公众号名称\t粉丝数\n甲发布\t很多\n").await;
    let diagnostics = by_test_id(&root, "diagnostics");
    assert_eq!(
        diagnostics.get_attribute("data-count").as_deref(),
        Some("1")
    );
    let text = diagnostics.text_content().unwrap();
    assert!(text.contains("粉丝数"), "{text}");
    assert!(text.contains("很多"), "{text}");
    // The row is still counted: nothing the user pasted is dropped.
    assert_eq!(text_of(&root, "accounts-total"), "1");
}

#[wasm_bindgen_test]
async fn the_input_survives_a_reload() {
    let root = render(PageOptions::default()).await;
    paste(&root, "公众号名称\n甲发布\n乙发布\n丙发布\n").await;
    root.remove();
    // A second app on the same storage, as after a reload.
    let again = render_keeping_storage(PageOptions::default()).await;
    assert_eq!(text_of(&again, "accounts-total"), "3");
}

#[wasm_bindgen_test]
async fn a_corrupt_store_is_reset_with_a_notice() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item(storage::KEY, "{not json").unwrap();
    let root = render_keeping_storage(PageOptions::default()).await;
    assert!(text_of(&root, "notice").contains("已重置"));
    assert_eq!(text_of(&root, "accounts-total"), "0");
    assert_eq!(
        storage
            .get_item(storage::KEY)
            .unwrap()
            .map(|s| s.contains("not json")),
        Some(false)
    );
}

#[wasm_bindgen_test]
fn gb18030_files_are_decoded() {
    let bytes = include_bytes!("fixtures/gb18030.csv");
    let expected = include_str!("fixtures/gb18030.utf8.csv");
    let (text, encoding) = decode(bytes).unwrap();
    assert_eq!(encoding, Encoding::Gb18030);
    assert_eq!(text, expected);
    // UTF-8 with a BOM is read as UTF-8, and the BOM is gone.
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(expected.as_bytes());
    let (text, encoding) = decode(&with_bom).unwrap();
    assert_eq!(encoding, Encoding::Utf8);
    assert_eq!(text, expected);
    // Excel's "Unicode text" is UTF-16LE with a BOM.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(expected.encode_utf16().flat_map(u16::to_le_bytes));
    let (text, encoding) = decode(&utf16).unwrap();
    assert_eq!(encoding, Encoding::Utf16);
    assert_eq!(text, expected);
}

#[wasm_bindgen_test]
fn workbooks_and_binary_files_are_refused() {
    // An .xlsx is a ZIP, an .xls an OLE file; neither is text in any
    // encoding, and GB18030 would turn them into garbage.
    for bytes in [
        &b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml"[..],
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..],
        &b"\x7fELF\x02\x01\x01\x00\x00\x00"[..],
    ] {
        assert_eq!(decode(bytes), Err(DecodeError::NotText));
    }
}

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        js_sys::Reflect::get(&v, &key.into()).unwrap()
    })
}

#[wasm_bindgen_test]
fn the_js_api_estimates_a_paste() {
    // 甲: 300 followers → close; 3 posts × 52 weeks × 2–3 h = 312–468 h;
    //     outsourced with a 1.5万 fee → 15,000 yuan saved.
    // 乙: 80 followers, village → low reach closes it first;
    //     posts unknown → 2–3 × 52 × 2 h = 208–312 h.
    // 丙: 5,000 followers, kept.
    // Hours freed = 312 + 208 = 520 (low), 468 + 312 = 780 (high).
    let text = "公众号名称,粉丝数,每周发布次数,每期耗时,运营方式,外包费用（万元）\n\
                甲发布,300,3,2~3,外包,1.5\n\
                乙村,80,,2,兼职,\n\
                丙发布,5000,1,2,兼职,\n";
    let result = api::estimate(text.into(), JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&result, "summary.accountsTotal").as_f64(), Some(3.0));
    assert_eq!(get(&result, "summary.accountsShut").as_f64(), Some(2.0));
    assert_eq!(get(&result, "summary.hoursFreed.low").as_f64(), Some(520.0));
    assert_eq!(
        get(&result, "summary.hoursFreed.high").as_f64(),
        Some(780.0)
    );
    assert_eq!(get(&result, "summary.cashSaved").as_f64(), Some(15_000.0));
    let accounts = js_sys::Array::from(&get(&result, "accounts"));
    assert_eq!(
        get(&accounts.get(1), "rule").as_string().as_deref(),
        Some("lowReach")
    );

    // Assumptions in camelCase: 3 h a post for every account without one.
    let assumptions = js_sys::JSON::parse(r#"{"hoursPerPost": 3, "asOf": "2019-04-19"}"#).unwrap();
    let result = api::estimate("名称\n甲\n".into(), assumptions, JsValue::UNDEFINED).unwrap();
    // 1 account, 1,000 followers unknown → kept; hours 2–3 × 52 × 3 = 312–468.
    assert_eq!(
        get(&result, "accounts")
            .dyn_into::<js_sys::Array>()
            .unwrap()
            .length(),
        1
    );
}

#[wasm_bindgen_test]
fn the_js_api_rejects_bad_arguments_with_exceptions() {
    let error =
        api::estimate(JsValue::from(42), JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err();
    assert!(error.is_instance_of::<js_sys::Error>());
    let bad = js_sys::JSON::parse(r#"{"mergeShare": 2}"#).unwrap();
    let error = api::estimate("名称\n甲\n".into(), bad, JsValue::UNDEFINED).unwrap_err();
    let message: String = js_sys::Error::from(error).message().into();
    assert!(message.contains("归并"), "{message}");
}

#[wasm_bindgen_test]
fn the_js_api_takes_row_objects() {
    let rows = js_sys::JSON::parse(r#"[{"公众号名称": "甲发布", "粉丝数": 856}, {"name": "ignored key", "公众号名称": "乙发布", "粉丝数": "1.2万"}]"#).unwrap();
    let result = api::parse(rows, JsValue::UNDEFINED).unwrap();
    let accounts = js_sys::Array::from(&get(&result, "accounts"));
    assert_eq!(accounts.length(), 2);
    assert_eq!(get(&accounts.get(0), "followers.low").as_f64(), Some(856.0));
    assert_eq!(
        get(&accounts.get(1), "followers.low").as_f64(),
        Some(12_000.0)
    );
}

/// Rows whose second row's 粉丝数 throws when read, made in JS.
fn rows_that_throw() -> JsValue {
    js_sys::Function::new_no_args(
        r#"return [{ 公众号名称: "甲", 粉丝数: 856 },
                   { 公众号名称: "乙", get 粉丝数() { throw new Error("boom"); } }];"#,
    )
    .call0(&JsValue::NULL)
    .unwrap()
}

#[wasm_bindgen_test]
fn values_that_throw_when_read_are_named_and_leave_the_instance_healthy() {
    // Each exception that ran through the wasm used to leave part of the
    // shadow stack behind; a few hundred broke the instance.
    let english = js_sys::JSON::parse(r#"{"lang": "en"}"#).unwrap();
    for _ in 0..2000 {
        let error = api::estimate(rows_that_throw(), JsValue::UNDEFINED, english.clone());
        let message: String = js_sys::Error::from(error.unwrap_err()).message().into();
        assert_eq!(
            message,
            r#"jianfu: input[1]["粉丝数"]: threw when read (boom)"#
        );
    }
    let text = "公众号名称\t粉丝数\n甲\t500\n乙\t5000\n";
    let result = api::estimate(text.into(), JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&result, "summary.accountsTotal").as_f64(), Some(2.0));
    assert_eq!(get(&result, "summary.accountsShut").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
async fn mount_refuses_what_is_not_an_element_and_replaces_a_calculator() {
    let text = document().create_text_node("not an element");
    let error = api::mount(text.into(), JsValue::UNDEFINED).unwrap_err();
    assert!(error.is_instance_of::<js_sys::TypeError>());

    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    api::mount(host.clone().into(), JsValue::UNDEFINED).unwrap();
    let english = js_sys::JSON::parse(r#"{"lang": "en", "embed": true}"#).unwrap();
    api::mount(host.clone().into(), english).unwrap();
    // The first calculator is destroyed in a task after Yew has created it.
    yew::scheduler::flush().await;
    let next_task = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(next_task)
        .await
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(host.query_selector_all(".app").unwrap().length(), 1);
    assert_eq!(text_of(&host, "accounts-total"), "0");
    assert!(host.text_content().unwrap_or_default().contains("Accounts"));
}

/// The hand-worked figures of a sheet fixture (tests/fixtures/sheets).
fn expected_summary(json: &str) -> JsValue {
    get(&js_sys::JSON::parse(json).unwrap(), "summary")
}

/// Reads a sheet's clipboard HTML as the paste box does, and estimates it as
/// of the sheets' date.
fn estimate_html(html: &str) -> jianfu::core::estimate::Estimate {
    use jianfu::core::assumptions::Assumptions;
    use jianfu::core::date::Date;
    use jianfu::core::import::import_grid;
    let as_of = Date::from_ymd(2019, 4, 19).unwrap();
    let grid = jianfu::web::clipboard::table(html).expect("a table");
    let import = import_grid(grid, Some(as_of));
    let plan = jianfu::core::plan::Plan::new(Assumptions::default());
    jianfu::core::estimate::estimate(&import.accounts, &plan, as_of)
}

fn assert_summary(estimate: &jianfu::core::estimate::Estimate, expected: &JsValue) {
    let s = &estimate.summary;
    let int = |key: &str| get(expected, key).as_f64().unwrap() as usize;
    assert_eq!(s.accounts_total, int("accountsTotal"));
    assert_eq!(s.accounts_shut, int("accountsShut"));
    assert_eq!(s.accounts_closed, int("accountsClosed"));
    assert_eq!(s.accounts_merged, int("accountsMerged"));
    let hours = js_sys::Array::from(&get(expected, "hoursFreed"));
    assert_eq!(s.hours_freed.low.to_f64(), hours.get(0).as_f64().unwrap());
    assert_eq!(s.hours_freed.high.to_f64(), hours.get(1).as_f64().unwrap());
    assert_eq!(
        s.cash_saved.low.to_f64(),
        get(expected, "cashSaved").as_f64().unwrap()
    );
}

#[wasm_bindgen_test]
fn excel_and_libreoffice_tables_on_the_clipboard_give_the_hand_worked_figures() {
    // Excel's clipboard HTML: rowspan and colspan on merged cells, the cells
    // under them absent, colspan also for text that only overflows.
    for (html, json) in [
        (
            include_str!("fixtures/sheets/county.excel.html"),
            include_str!("fixtures/sheets/county.expected.json"),
        ),
        (
            include_str!("fixtures/sheets/township.excel.html"),
            include_str!("fixtures/sheets/township.expected.json"),
        ),
        (
            include_str!("fixtures/sheets/traditional.excel.html"),
            include_str!("fixtures/sheets/traditional.expected.json"),
        ),
        // LibreOffice's own HTML of the county sheet leaves out its hidden
        // row, and has figures of its own.
        (
            include_str!("fixtures/sheets/county.libreoffice.html"),
            include_str!("fixtures/sheets/county.libreoffice.expected.json"),
        ),
    ] {
        assert_summary(&estimate_html(html), &expected_summary(json));
    }
}

#[wasm_bindgen_test]
fn clipboard_html_loses_only_its_styles_before_parsing() {
    use jianfu::web::clipboard::without_styles;
    let html = "<html><head><style>td{color:red}</style><!--[if gte mso 9]><xml>x</xml><![endif]--></head>\
                <body><table style='width:100%'><tr><td class=xl65 style=\"color:blue\" rowspan=2>甲</td>\
                <td STYLE = 'a:b' x:str>乙</td><td data-style=1>丙</td></tr></table>\
                <script>alert(1)</script></body></html>";
    assert_eq!(
        without_styles(html),
        "<html><head></head><body><table ><tr><td class=xl65  rowspan=2>甲</td>\
         <td  x:str>乙</td><td data-style=1>丙</td></tr></table></body></html>"
    );
    // Text with angle brackets and an unclosed element are left be.
    assert_eq!(without_styles("a < b"), "a < b");
    assert_eq!(without_styles("<style>unclosed"), "");
}

/// Pastes as the clipboard does: a `paste` event carrying the given types.
/// True when the page took the paste itself.
///
/// The types are written into the event's own `clipboardData`, not into a
/// `DataTransfer` handed to the constructor: Chromium keeps the one it is
/// given, but Firefox ignores it and gives every constructed ClipboardEvent
/// a new, empty, writable one (a real paste's holds the clipboard in both).
async fn paste_clipboard(root: &web_sys::Element, types: &[(&str, &str)]) -> bool {
    let area: web_sys::HtmlTextAreaElement = by_test_id(root, "paste").dyn_into().unwrap();
    let init = web_sys::ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_clipboard_data(Some(&web_sys::DataTransfer::new().unwrap()));
    let event = web_sys::ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
    let data = event.clipboard_data().unwrap();
    for (kind, value) in types {
        data.set_data(kind, value).unwrap();
    }
    let taken = !area.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    settled(root).await;
    taken
}

#[wasm_bindgen_test]
async fn a_paste_with_an_html_table_reads_its_merged_cells() {
    let root = render(PageOptions::default()).await;
    // 县公安局 merged over two accounts, and a fee over both: one contract.
    let html = "<table><tr><td>公众号名称</td><td>主办单位</td><td>粉丝数</td><td>外包费用</td></tr>\
                <tr><td>平安长兴</td><td rowspan=2>县公安局</td><td>300</td><td rowspan=2>20000</td></tr>\
                <tr><td>长兴交警</td><td>5000</td></tr></table>";
    let text = "公众号名称\t主办单位\t粉丝数\t外包费用\n平安长兴\t县公安局\t300\t20000\n长兴交警\t\t5000\t\n";
    assert!(paste_clipboard(&root, &[("text/plain", text), ("text/html", html)]).await);
    assert_eq!(text_of(&root, "accounts-total"), "2");
    // 平安长兴 has 300 followers: closed, saving the one ¥20,000 contract.
    assert_eq!(
        by_test_id(&root, "cash-saved")
            .get_attribute("data-value")
            .as_deref(),
        Some("20000")
    );
    let diagnostics = text_of(&root, "diagnostics");
    assert!(
        diagnostics.contains("是合并单元格，已按合并的值“县公安局”填充"),
        "{diagnostics}"
    );
    assert!(diagnostics.contains("只在第2行计入一次"), "{diagnostics}");
    // The box holds the table as text, the cells under the merges empty
    // (and, unlike Excel's text, no empty cells at the end of a row).
    assert_eq!(box_text(&root).await, text.replace("5000\t\n", "5000\n"));
}

#[wasm_bindgen_test]
async fn a_paste_of_html_alone_is_read() {
    let root = render(PageOptions::default()).await;
    let html = "<meta charset='utf-8'><table><tr><th>名称</th><th>粉丝数</th></tr>\
                <tr><td>甲发布</td><td>不足1000</td></tr><tr><td>乙发布</td><td>1.2万</td></tr></table>";
    assert!(paste_clipboard(&root, &[("text/html", html)]).await);
    assert_eq!(text_of(&root, "accounts-total"), "2");
    assert_eq!(text_of(&root, "accounts-shut"), "1");
    assert!(text_of(&root, "diagnostics").contains("读作低于1000"));
}

/// Three accounts of one unit for the plans: 甲 300 followers (low reach),
/// 乙 2,000 and 丙 1,500 (one unit, one platform: 丙 joins 乙 under
/// duplicate). Each posts 1 a week for 2 h: 104 h a year.
const PLANS_LIST: &str = "公众号名称\t主办单位\t粉丝数\t每周发布次数\t每期耗时\n\
                          甲\t某局\t300\t1\t2\n乙\t某局\t2000\t1\t2\n丙\t某局\t1500\t1\t2\n";

fn value_of(root: &web_sys::Element, test_id: &str) -> Option<String> {
    by_test_id(root, test_id).get_attribute("data-value")
}

#[wasm_bindgen_test]
async fn the_panels_below_the_fold_take_a_new_list_after_its_figures() {
    let root = render(PageOptions::default()).await;
    // 100,000 followers: every plan keeps it.
    paste(&root, "公众号名称\t粉丝数\n甲\t100000\n").await;
    assert_eq!(value_of(&root, "plan-shut-3").as_deref(), Some("0"));
    let main = root.query_selector("main").unwrap().unwrap();
    assert!(!main.has_attribute("aria-busy"));
    // A new list: its figures come first, the comparison of the plans
    // (彻底 closes 甲 and merges 丙: 2) after the frame that shows them,
    // and the page says it is still filling in.
    put_in_box(&root, PLANS_LIST).await;
    assert_eq!(text_of(&root, "accounts-total"), "3");
    assert_eq!(value_of(&root, "plan-shut-3").as_deref(), Some("0"));
    assert_eq!(main.get_attribute("aria-busy").as_deref(), Some("true"));
    settled(&root).await;
    assert_eq!(value_of(&root, "plan-shut-3").as_deref(), Some("2"));
    // A change of plan, on the same list, is shown at once: plan 1 (稳妥)
    // with low reach turned on closes 甲.
    click(&root, "plan-name-1");
    yew::scheduler::flush().await;
    click(&root, "rule-lowReach");
    yew::scheduler::flush().await;
    assert!(!main.has_attribute("aria-busy"));
    assert_eq!(value_of(&root, "plan-shut-1").as_deref(), Some("1"));
}

#[wasm_bindgen_test]
async fn the_plans_are_compared_and_a_rule_turned_on_changes_only_its_plan() {
    let root = render(PageOptions::default()).await;
    paste(&root, PLANS_LIST).await;
    // 稳妥 (dormant, noInteraction): nothing. 推荐: 甲 closed, 104 h.
    // 彻底: 甲 closed (low reach comes before duplicate), 丙 merged into
    // 乙: 104 + 104 × 0.7 = 176.8 h.
    let shut: Vec<_> = (1..=3)
        .map(|n| value_of(&root, &format!("plan-shut-{n}")))
        .collect();
    assert_eq!(shut, [Some("0".into()), Some("1".into()), Some("2".into())]);
    assert_eq!(
        value_of(&root, "plan-hours-high-3").as_deref(),
        Some("176.8")
    );
    // The headline is the current plan's, 推荐.
    assert_eq!(text_of(&root, "accounts-shut"), "1");
    // Plan 1 made current, low reach turned on: it closes 甲 too.
    click(&root, "plan-name-1");
    yew::scheduler::flush().await;
    click(&root, "rule-lowReach");
    yew::scheduler::flush().await;
    assert_eq!(value_of(&root, "plan-shut-1").as_deref(), Some("1"));
    assert_eq!(text_of(&root, "accounts-shut"), "1");
    assert_eq!(value_of(&root, "plan-shut-3").as_deref(), Some("2"));
    // A fourth plan copies the current one; a fifth cannot be added.
    click(&root, "add-plan");
    yew::scheduler::flush().await;
    assert_eq!(value_of(&root, "plan-shut-4").as_deref(), Some("1"));
    assert!(by_test_id(&root, "add-plan").has_attribute("disabled"));
    // The plans are saved with the list, and come back on a reload.
    let saved = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(storage::KEY)
        .unwrap()
        .unwrap();
    assert!(
        saved.contains(r#""rules":["dormant","noInteraction","lowReach"]"#),
        "{saved}"
    );
    root.remove();
    let root = render_keeping_storage(PageOptions::default()).await;
    assert_eq!(value_of(&root, "plan-shut-4").as_deref(), Some("1"));
    assert_eq!(
        by_test_id(&root, "plan-name-4")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
fn the_js_api_compares_plans() {
    let plans = js_sys::JSON::parse(
        r#"[{"name": "甲", "rules": ["lowReach"]},
            {"name": "乙", "rules": ["duplicate"], "overrides": [{"name": "甲", "unit": "某局", "decision": "keep"}]}]"#,
    )
    .unwrap();
    let result = api::compare(PLANS_LIST.into(), plans, JsValue::UNDEFINED).unwrap();
    let plans = js_sys::Array::from(&get(&result, "plans"));
    // 甲: 甲 closed. 乙: 甲 kept by hand; 乙 keeps, 丙 joins it.
    assert_eq!(
        get(&plans.get(0), "summary.accountsShut").as_f64(),
        Some(1.0)
    );
    assert_eq!(
        get(&plans.get(1), "summary.accountsShut").as_f64(),
        Some(1.0)
    );
    let accounts = js_sys::Array::from(&get(&result, "accounts"));
    let third = js_sys::Array::from(&get(&accounts.get(2), "plans"));
    assert_eq!(
        get(&third.get(1), "mergeInto").as_string().as_deref(),
        Some("乙")
    );
    assert_eq!(get(&accounts.get(0), "differs").as_bool(), Some(true));
    // A rule that is not in the catalogue is refused, naming it.
    let bad = js_sys::JSON::parse(r#"[{"rules": ["sleepy"]}]"#).unwrap();
    let error = api::compare(PLANS_LIST.into(), bad, JsValue::UNDEFINED).unwrap_err();
    let message = get(&error, "message").as_string().unwrap();
    assert!(
        message.starts_with("jianfu: plans[0].rules: 没有名为“sleepy”的规则"),
        "{message}"
    );
    // Five plans are too many.
    let five = js_sys::JSON::parse(r#"[{}, {}, {}, {}, {}]"#).unwrap();
    assert!(api::compare(PLANS_LIST.into(), five, JsValue::UNDEFINED).is_err());
}

/// Types `value` into the input with the test id, as a user would.
async fn type_into(root: &web_sys::Element, test_id: &str, value: &str) {
    let input: web_sys::HtmlInputElement = by_test_id(root, test_id).dyn_into().unwrap();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_plan_reordered_and_renamed_keeps_its_name_across_a_language_switch() {
    let root = render(PageOptions::default()).await;
    paste(&root, PLANS_LIST).await;
    // 彻底 in its natural order: 甲 closed by low reach (104 h), 丙 merged
    // into 乙 by duplicate (104 × 0.7 = 72.8 h): 176.8 h.
    click(&root, "plan-name-3");
    yew::scheduler::flush().await;
    assert_eq!(
        value_of(&root, "plan-hours-high-3").as_deref(),
        Some("176.8")
    );
    // Duplicate raised three places, above low reach (dormant,
    // noInteraction, lowReach, village, poorValue, duplicate): 甲 and 丙
    // are both merged into 乙 first, 2 × 72.8 = 145.6 h, still 2 shut.
    for _ in 0..3 {
        click(&root, "raise-duplicate");
        yew::scheduler::flush().await;
    }
    assert_eq!(value_of(&root, "plan-shut-3").as_deref(), Some("2"));
    assert_eq!(
        value_of(&root, "plan-hours-high-3").as_deref(),
        Some("145.6")
    );
    // The other plans are untouched: 推荐 still closes 甲 alone, 104 h.
    assert_eq!(value_of(&root, "plan-hours-high-2").as_deref(), Some("104"));
    type_into(&root, "plan-name-input", "县里的方案").await;
    // In English the presets' names follow, the name typed stays, and the
    // figures are the same.
    click(&root, "lang-switch");
    yew::scheduler::flush().await;
    assert_eq!(html_lang().as_deref(), Some("en"));
    let names: Vec<_> = (1..=3)
        .map(|n| text_of(&root, &format!("plan-name-{n}")))
        .collect();
    assert_eq!(names, ["1. Cautious", "2. Recommended", "3. 县里的方案"]);
    assert_eq!(
        value_of(&root, "plan-hours-high-3").as_deref(),
        Some("145.6")
    );
    root.remove();
}

#[wasm_bindgen_test]
fn the_accounts_built_from_columns_are_the_objects_serde_builds() {
    use jianfu::core::account::Decision;
    use jianfu::core::assumptions::Assumptions;
    use jianfu::core::date::Date;
    use jianfu::core::demo::DEMO_CSV;
    use jianfu::core::estimate::estimate;
    use jianfu::core::import::import_text;
    use jianfu::core::overrides::{AccountKey, Overrides};
    use jianfu::core::plan::{Plan, Rules};
    use serde::Serialize;

    // Every shape a field can take: an astral character in a name (two
    // UTF-16 units), staffing absent, reads with and without a cost per
    // read, a fee in 万元 with fractions, a figure that cannot be read (an
    // assumed field), the list's own decisions and merge targets, a
    // duplicate merged into its unit's other account, an inferred level,
    // and an override.
    let text = "公众号名称,主办单位,层级,粉丝数,每周发布次数,每期耗时,运营方式,外包费用（万元）,篇均阅读,处置意见,归并至\n\
                己发布,乙镇,乡镇,3000,1,2,,,,,\n\
                📣甲发布,甲镇,乡镇,300,3,2~3,外包,1.35,120,,\n\
                乙村,甲镇,,80,很多,2,,,,,\n\
                丙发布,县委宣传部,县级部门,5000,1,2,兼职,,,保留,\n\
                丁服务,甲镇,乡镇,900,1/3,1.5,专职,0.2,45,归并,📣甲发布\n\
                戊发布,甲镇,乡镇,2000,2,2,外包,2,,,\n";
    let import = import_text(text);
    let mut overrides = Overrides::new();
    overrides.insert(AccountKey::of(&import.accounts[5], 0), Decision::Close);
    let rules =
        Rules::from_keys(["dormant", "lowReach", "duplicate", "village", "poorValue"]).unwrap();
    let plan = Plan::new(Assumptions::default())
        .with_rules(rules)
        .with_overrides(overrides);
    let as_of = Date::from_ymd(2019, 4, 19).unwrap();
    let mut cases = vec![estimate(&import.accounts, &plan, as_of)];
    let demo = import_text(DEMO_CSV);
    cases.push(estimate(
        &demo.accounts,
        &Plan::new(Assumptions::default()),
        as_of,
    ));
    for (case, result) in cases.iter().enumerate() {
        for lang in [Lang::Zh, Lang::En] {
            let views = result.view(lang).accounts;
            let serializer = serde_wasm_bindgen::Serializer::json_compatible();
            let by_serde = views.serialize(&serializer).unwrap();
            let from_columns = jianfu::web::columns::accounts(&views);
            let json =
                |value: &JsValue| js_sys::JSON::stringify(value).unwrap().as_string().unwrap();
            assert_eq!(
                json(&from_columns),
                json(&by_serde),
                "case {case}, {lang:?}"
            );
        }
    }
    // The first case has each shape: no staffing (己), an astral name, reads
    // and a cost per read (📣甲), an inferred level, no reads and an assumed
    // field (乙村), a merge target in the list (丁), an override (戊).
    let accounts = js_sys::Array::from(&jianfu::web::columns::accounts(
        &cases[0].view(Lang::Zh).accounts,
    ));
    let field = |index: u32, key: &str| get(&accounts.get(index), key);
    assert!(field(0, "staffing").is_null());
    assert_eq!(field(1, "name").as_string().as_deref(), Some("📣甲发布"));
    assert_eq!(field(1, "costPerRead.low").as_f64(), Some(0.72));
    assert_eq!(field(2, "levelInferred").as_bool(), Some(true));
    assert!(field(2, "reads").is_null());
    assert_eq!(js_sys::Array::from(&field(2, "assumed")).length(), 1);
    assert_eq!(
        field(4, "mergeInto").as_string().as_deref(),
        Some("📣甲发布")
    );
    assert_eq!(field(5, "overridden").as_bool(), Some(true));
}
