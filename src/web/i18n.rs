//! The interface's string catalogue: every word the page shows comes from
//! here, in Simplified Chinese and English. Diagnostics, reasons, labels of
//! assumptions and formulas come from the core in the same two languages.

use crate::core::lang::Lang;
use crate::web::analysis::Progress;

/// One piece of interface text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Title,
    Tagline,
    SwitchLanguage,
    SwitchLanguageLabel,
    FooterPrivacy,
    InputHeading,
    InputLabel,
    InputPlaceholder,
    Upload,
    UploadLimits,
    ReadingWorkbook,
    SheetOf,
    Rows,
    HiddenSheet,
    HiddenSheets,
    OverLimit,
    LoadDemo,
    DownloadTemplate,
    Clear,
    ConfirmClear,
    LargeInputPlaceholder,
    DiagnosticsHeading,
    NoDiagnostics,
    ColumnRow,
    ColumnColumn,
    ColumnValue,
    ColumnMessage,
    SeverityError,
    SeverityWarning,
    SeverityNotice,
    ResultsHeading,
    AccountsTotal,
    AccountsShut,
    HoursFreed,
    FteFreed,
    CashSaved,
    StaffValue,
    TotalValue,
    HowCalculated,
    HideCalculation,
    UnitAccounts,
    UnitHours,
    UnitPeople,
    ChartHeading,
    ChartAccounts,
    ChartHours,
    Before,
    After,
    ExportCsv,
    CopySummary,
    Print,
    SummaryHeading,
    AssumptionsHeading,
    AssumptionsIntro,
    Low,
    High,
    Reset,
    Source,
    AsOf,
    AsOfHint,
    TableHeading,
    ColumnName,
    ColumnUnit,
    ColumnLevel,
    ColumnPlatform,
    ColumnFollowers,
    ColumnPosts,
    ColumnHours,
    ColumnCash,
    ColumnDecision,
    ColumnReason,
    Filter,
    FilterAll,
    FilterPlatform,
    FilterAllPlatforms,
    ByPlatformHeading,
    ColumnHoursFreed,
    ColumnCashSaved,
    Inferred,
    AssumedMark,
    Overridden,
    UndoOverride,
    PreviousPage,
    NextPage,
    EmptyTable,
    SortAscending,
    SortDescending,
    NoticeStorageReset,
    NoticeStorageFull,
    NoticeCopyFailed,
    NoticeCopied,
    NoticeFileUnreadable,
    NoticeViewingDemo,
    NoticeChangedElsewhere,
    BackToMine,
    KeepDemo,
    ConfirmKeepDemo,
    LoadOtherTab,
    KeepThisTab,
    UnmatchedOverrides,
    Dismiss,
    OfflineCopy,
    DiffersOnly,
    ColumnPlans,
    PlanNumber,
    PlansHeading,
    PlansHint,
    AddPlan,
    RemovePlan,
    ConfirmRemovePlan,
    SavePlans,
    OpenPlans,
    PlansOpened,
    CurrentPlan,
    RowRules,
    RowAfter,
    RowClosed,
    RowMerged,
    RowKept,
    RowShut,
    RowHours,
    RowFte,
    RowCash,
    RowContracts,
    RowStaffValue,
    RowTotal,
    RowVsFirst,
    NoRules,
    ChartPlans,
    PlanEditorHeading,
    PlanName,
    RulesHint,
    RaiseRule,
    MainAccount,
    MainAccountFound,
    MainAccountMissing,
    ReceivingHeading,
    ReceivingAccount,
    ReceivingCount,
    ReceivingLoad,
    ReceivingUnknown,
    StructureHeading,
    StructureJoined,
    NoUnit,
    Unplaced,
    MoreUnits,
    ComparisonHeading,
    NoticePlansUnreadable,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Text::Title => ("减负测算", "Jianfu"),
            Text::Tagline => (
                "粘贴本单位政务公众号清单，立即测算关停、归并能释放多少工时、节约多少资金。",
                "Paste your unit's list of government WeChat accounts and see at once how many staff hours and how much money closing or merging them frees.",
            ),
            Text::SwitchLanguage => ("English", "中文"),
            Text::SwitchLanguageLabel => ("切换到英文界面", "Switch to Chinese"),
            Text::FooterPrivacy => (
                "全部计算在本机浏览器内完成，数据不离开本页面。",
                "Everything is computed in this browser; no data leaves the page.",
            ),
            Text::InputHeading => ("账号清单", "Account list"),
            Text::InputLabel => (
                "从 Excel 或 WPS 复制整张表（含表头）粘贴到这里",
                "Copy the whole sheet (with its header row) from Excel or WPS and paste it here",
            ),
            Text::InputPlaceholder => (
                "公众号名称\t主办单位\t层级\t粉丝数\t每周发布次数\t每期耗时（小时）\t运营方式\t外包费用（万元）\t篇均阅读\t最近更新\n某某发布\t某某局\t县级部门\t856\t2~3\t2\t兼职\t\t120\t2019-03-01\n\n只有“公众号名称”一列是必需的，其余列可缺、顺序不限。",
                "name\tunit\tlevel\tfollowers\tposts per week\thours per post\tstaffing\toutsourcing fee\tavg reads\tlast post\nExample News\tExample Bureau\tcounty\t856\t2-3\t2\tpart-time\t\t120\t2019-03-01\n\nOnly the name column is required; the others may be missing or in any order.",
            ),
            Text::Upload => ("上传文件", "Upload file"),
            Text::UploadLimits => (
                "可上传 Excel、WPS 或 LibreOffice 工作簿（.xlsx .xlsm .xls .ods）或 CSV、TSV、TXT，也可拖到此页；文件不超过 20 MB，工作表不超过 25 万行。",
                "Upload an Excel, WPS or LibreOffice workbook (.xlsx .xlsm .xls .ods) or CSV, TSV or TXT, or drop it on the page; up to 20 MB, and 250,000 rows a sheet.",
            ),
            Text::ReadingWorkbook => ("正在读取工作簿 ", "Reading the workbook "),
            Text::SheetOf => (" 的工作表：", ", sheet: "),
            Text::Rows => ("行", " rows"),
            Text::HiddenSheet => ("隐藏", "hidden"),
            Text::HiddenSheets => (
                "工作簿中有隐藏的工作表，已一并读取，可在上面选择：",
                "The workbook has hidden sheets; they were read too, and can be chosen above: ",
            ),
            Text::OverLimit => ("超过上限，未读取", "over the limit, not read"),
            Text::LoadDemo => ("载入长兴示例", "Load the Changxing demo"),
            Text::DownloadTemplate => ("下载模板", "Download template"),
            Text::Clear => ("清空", "Clear"),
            Text::ConfirmClear => (
                "确定清空清单和手动调整的处置意见吗？",
                "Clear the list and the decisions you changed by hand?",
            ),
            Text::LargeInputPlaceholder => (
                "在此粘贴新清单，将替换当前的大清单。",
                "Paste a new list here to replace the large list.",
            ),
            Text::DiagnosticsHeading => ("数据检查", "Data check"),
            Text::NoDiagnostics => ("未发现问题。", "No problems found."),
            Text::ColumnRow => ("行", "Row"),
            Text::ColumnColumn => ("列", "Column"),
            Text::ColumnValue => ("内容", "Value"),
            Text::ColumnMessage => ("说明", "Message"),
            Text::SeverityError => ("错误", "Error"),
            Text::SeverityWarning => ("警告", "Warning"),
            Text::SeverityNotice => ("提示", "Notice"),
            Text::ResultsHeading => ("测算结果", "Results"),
            Text::AccountsTotal => ("账号总数", "Accounts"),
            Text::AccountsShut => ("关停、归并", "Closed or merged"),
            Text::HoursFreed => ("每年释放工时", "Staff hours freed a year"),
            Text::FteFreed => ("折合全职人员", "Full-time posts"),
            Text::CashSaved => ("每年节约资金", "Cash saved a year"),
            Text::StaffValue => ("工时折算金额", "Value of staff time"),
            Text::TotalValue => ("合计每年", "Total a year"),
            Text::HowCalculated => ("怎么算的", "How is this calculated"),
            Text::HideCalculation => ("收起算法", "Hide the calculation"),
            Text::UnitAccounts => ("个", ""),
            Text::UnitHours => ("小时", "h"),
            Text::UnitPeople => ("人", "posts"),
            Text::ChartHeading => ("按层级对比", "By level"),
            Text::ChartAccounts => ("账号数：现有与保留", "Accounts before and after"),
            Text::ChartHours => ("每年释放工时（小时）", "Staff hours freed a year"),
            Text::Before => ("现有", "Before"),
            Text::After => ("保留", "After"),
            Text::ExportCsv => ("导出结果（CSV）", "Export results (CSV)"),
            Text::CopySummary => ("复制摘要", "Copy summary"),
            Text::Print => ("打印", "Print"),
            Text::SummaryHeading => ("测算摘要", "Summary"),
            Text::AssumptionsHeading => ("测算假设", "Assumptions"),
            Text::AssumptionsIntro => (
                "清单缺少的数据按以下假设计算。可按本地情况修改，区间填写低值和高值。",
                "Where the list is silent, these assumptions apply. Adjust them to local conditions; a range has a low and a high value.",
            ),
            Text::Low => ("低值", "low"),
            Text::High => ("高值", "high"),
            Text::Reset => ("恢复默认", "Reset"),
            Text::Source => ("来源：", "Source: "),
            Text::AsOf => ("测算基准日", "As-of date"),
            Text::AsOfHint => (
                "判断“长期未更新”的日期，留空为今天。",
                "The date dormancy is measured to; blank means today.",
            ),
            Text::TableHeading => ("逐个账号", "Account by account"),
            Text::ColumnName => ("名称", "Name"),
            Text::ColumnUnit => ("单位", "Unit"),
            Text::ColumnLevel => ("层级", "Level"),
            Text::ColumnPlatform => ("平台", "Platform"),
            Text::ColumnFollowers => ("粉丝数", "Followers"),
            Text::ColumnPosts => ("每周发布", "Posts/week"),
            Text::ColumnHours => ("年工时", "Hours/year"),
            Text::ColumnCash => ("年费用", "Cash/year"),
            Text::ColumnDecision => ("处置", "Decision"),
            Text::ColumnReason => ("理由", "Reason"),
            Text::Filter => ("筛选处置", "Show"),
            Text::FilterAll => ("全部", "all"),
            Text::FilterPlatform => ("平台", "Platform"),
            Text::FilterAllPlatforms => ("全部平台", "All platforms"),
            Text::ByPlatformHeading => ("按平台", "By platform"),
            Text::ColumnHoursFreed => ("释放工时（小时/年）", "Hours freed a year"),
            Text::ColumnCashSaved => ("节约资金", "Cash saved"),
            Text::Inferred => ("推断", "inferred"),
            Text::AssumedMark => ("按假设", "assumed"),
            Text::Overridden => ("已手动调整", "changed by hand"),
            Text::UndoOverride => ("撤销", "undo"),
            Text::PreviousPage => ("上一页", "Previous"),
            Text::NextPage => ("下一页", "Next"),
            Text::EmptyTable => (
                "粘贴清单或载入示例后，这里逐个列出每个账号的处置和理由。",
                "Paste a list or load the demo to see each account's decision and reason here.",
            ),
            Text::SortAscending => ("升序", "ascending"),
            Text::SortDescending => ("降序", "descending"),
            Text::NoticeStorageReset => (
                "本机保存的数据无法读取（可能来自旧版本），已重置。",
                "The data saved in this browser could not be read (perhaps from an older version) and was reset.",
            ),
            Text::NoticeStorageFull => (
                "浏览器未能保存本次数据（存储空间不足或已禁用），刷新前请先导出。",
                "The browser could not save this data (storage full or disabled); export it before reloading.",
            ),
            Text::NoticeCopyFailed => (
                "无法自动复制，请选中摘要文字后按 Ctrl+C。",
                "Could not copy automatically; select the summary text and press Ctrl+C.",
            ),
            Text::NoticeCopied => ("摘要已复制。", "Summary copied."),
            Text::NoticeFileUnreadable => (
                "文件无法读取，请另存为 CSV（UTF-8 或 GBK）后重试。",
                "The file could not be read; save it as CSV (UTF-8 or GBK) and try again.",
            ),
            Text::NoticeViewingDemo => (
                "正在查看长兴示例：您保存的清单未受影响，对示例的修改不会保存；粘贴或上传清单即作为您的清单保存。",
                "Viewing the Changxing demo: your saved list is untouched, and changes to the demo are not saved; a list pasted or uploaded is saved as yours.",
            ),
            Text::NoticeChangedElsewhere => (
                "另一个标签页修改了保存的清单。本页暂停保存，请选择保留哪一份。",
                "Another tab changed the saved list. This tab has stopped saving; choose which version to keep.",
            ),
            Text::BackToMine => ("返回我的清单", "Back to my list"),
            Text::KeepDemo => ("把当前内容存为我的清单", "Save this as my list"),
            Text::ConfirmKeepDemo => (
                "这会用当前内容替换您保存的清单。继续吗？",
                "This replaces your saved list with what is on screen. Continue?",
            ),
            Text::LoadOtherTab => ("载入另一页的版本", "Load the other tab's version"),
            Text::KeepThisTab => ("保留本页的版本", "Keep this tab's version"),
            Text::UnmatchedOverrides => (
                "以下手动决定在当前清单中找不到对应账号（名称、单位或平台已变），已保留，未计入：",
                "These decisions set by hand match no account of the list now (its name, unit or platform changed); they are kept, and not counted:",
            ),
            Text::Dismiss => ("关闭", "Dismiss"),
            Text::DiffersOnly => (
                "只看各方案处置不同的账号",
                "Only accounts the plans decide differently",
            ),
            Text::ColumnPlans => (
                "各方案处置",
                "Each plan",
            ),
            Text::PlanNumber => (
                "方案",
                "Plan",
            ),
            Text::PlansHeading => (
                "方案对比",
                "Plans side by side",
            ),
            Text::PlansHint => (
                "点方案名切换当前方案：上方数字、下方表格和导出都按当前方案。",
                "Click a plan's name to make it current: the figures above, the table below and the exports follow the current plan.",
            ),
            Text::AddPlan => (
                "新增方案",
                "Add a plan",
            ),
            Text::RemovePlan => (
                "删除方案",
                "Remove plan",
            ),
            Text::ConfirmRemovePlan => (
                "删除这个方案？",
                "Remove this plan?",
            ),
            Text::SavePlans => (
                "保存方案文件",
                "Save plans to a file",
            ),
            Text::OpenPlans => (
                "打开方案文件",
                "Open a plan file",
            ),
            Text::PlansOpened => (
                "已打开方案文件。",
                "The plan file was opened.",
            ),
            Text::CurrentPlan => (
                "当前方案",
                "current plan",
            ),
            Text::RowRules => (
                "规则（按优先顺序）",
                "Rules, in order",
            ),
            Text::RowAfter => (
                "调整后账号数",
                "Accounts after",
            ),
            Text::RowClosed => (
                "关停",
                "Closed",
            ),
            Text::RowMerged => (
                "归并",
                "Merged",
            ),
            Text::RowKept => (
                "保留",
                "Kept",
            ),
            Text::RowShut => (
                "关停、归并合计",
                "Closed or merged",
            ),
            Text::RowHours => (
                "释放工时（小时/年）",
                "Hours freed a year",
            ),
            Text::RowFte => (
                "折合全职岗位",
                "Full-time posts",
            ),
            Text::RowCash => (
                "节约资金（元/年）",
                "Cash saved a year",
            ),
            Text::RowContracts => (
                "终止外包合同",
                "Outsourcing contracts ended",
            ),
            Text::RowStaffValue => (
                "人工折算价值（元/年）",
                "Staff time value a year",
            ),
            Text::RowTotal => (
                "合计（元/年）",
                "Total a year",
            ),
            Text::RowVsFirst => (
                "与方案一相比",
                "Compared with plan 1",
            ),
            Text::NoRules => (
                "未启用规则",
                "No rules",
            ),
            Text::ChartPlans => (
                "各方案关停、归并账号数与释放工时",
                "Accounts shut and hours freed, plan by plan",
            ),
            Text::PlanEditorHeading => (
                "编辑当前方案",
                "Edit the current plan",
            ),
            Text::PlanName => (
                "方案名称",
                "Plan name",
            ),
            Text::RulesHint => (
                "勾选启用规则；排在前面的规则优先。清单已填的处置意见和手动调整始终优先。",
                "Tick the rules to use; a rule higher up comes first. The list's own decisions and changes by hand always come first.",
            ),
            Text::RaiseRule => (
                "上移",
                "Move up",
            ),
            Text::MainAccount => (
                "县级主账号（留空则自动选取县政府或宣传部粉丝最多的账号）",
                "The county's main account (leave empty to take the most followed account of the county government or publicity department)",
            ),
            Text::MainAccountFound => (
                "归并至：",
                "Merging into: ",
            ),
            Text::MainAccountMissing => (
                "未找到县级主账号：清单中没有县政府或宣传部的保留账号，也没有所填名称的账号。“归并至县级主账号”规则未归并任何账号。",
                "No county main account found: the list has no kept account of the county government or publicity department, nor one of the name given. The rule merged nothing.",
            ),
            Text::ReceivingHeading => (
                "接收归并的账号",
                "Accounts taking on merged ones",
            ),
            Text::ReceivingAccount => (
                "接收账号",
                "Receiving account",
            ),
            Text::ReceivingCount => (
                "归并进来的账号数",
                "Accounts merged in",
            ),
            Text::ReceivingLoad => (
                "新增工时（小时/年）",
                "Hours added a year",
            ),
            Text::ReceivingUnknown => (
                "未找到接收账号",
                "No receiving account found",
            ),
            Text::StructureHeading => (
                "调整后的账号结构（1+N）",
                "The accounts after the plan (1+N)",
            ),
            Text::StructureJoined => (
                "并入：",
                "Joined by: ",
            ),
            Text::NoUnit => (
                "未填单位",
                "No unit given",
            ),
            Text::Unplaced => (
                "归并但未找到接收账号：",
                "Merged, with no receiving account found: ",
            ),
            Text::MoreUnits => (
                "个单位未列出（见导出的CSV）",
                "more units not listed (see the exported CSV)",
            ),
            Text::ComparisonHeading => (
                "各方案比较",
                "The plans compared",
            ),
            Text::NoticePlansUnreadable => (
                "无法打开方案文件：",
                "The plan file could not be opened: ",
            ),
            Text::OfflineCopy => ("下载离线版", "Download offline copy"),
        };
        lang.pick(zh, en)
    }
}

/// "N problems found" for the diagnostics panel.
pub fn diagnostics_count(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("发现{count}条提示"),
        Lang::En if count == 1 => "1 item".to_string(),
        Lang::En => format!("{count} items"),
    }
}

/// Under a diagnostics list too long to show in full.
pub fn diagnostics_shown(shown: usize, total: usize, lang: Lang) -> String {
    let rest = total.saturating_sub(shown);
    match lang {
        Lang::Zh => format!("仅列出前{shown}条，其余{rest}条未列出；请先处理上面的问题。"),
        Lang::En => format!(
            "Only the first {shown} are listed; {rest} more are not. Fix those above first."
        ),
    }
}

/// "Page p of n, rows a–b of c" for the table.
pub fn page_status(
    page: usize,
    pages: usize,
    first: usize,
    last: usize,
    rows: usize,
    lang: Lang,
) -> String {
    match lang {
        Lang::Zh => format!("第{page}/{pages}页，第{first}–{last}个，共{rows}个"),
        Lang::En => format!("Page {page} of {pages}, {first}–{last} of {rows}"),
    }
}

/// What the input box says instead of showing a large list.
pub fn large_input(bytes: usize, lang: Lang) -> String {
    // Tenths of a megabyte, rounded, in integers.
    let tenths = (bytes.saturating_mul(10) + (1 << 19)) >> 20;
    let size = format!("{}.{} MB", tenths / 10, tenths % 10);
    match lang {
        Lang::Zh => format!(
            "已载入一份大清单（{size}）。为保持页面流畅，清单不在框内显示；在框内粘贴会替换它，点“清空”可移除。"
        ),
        Lang::En => format!(
            "A large list ({size}) is loaded. To keep the page responsive it is not shown in \
             the box; pasting into the box replaces it, and Clear removes it."
        ),
    }
}

/// The progress line while a large list is analysed.
pub fn progress(progress: Progress, lang: Lang) -> String {
    let percent = progress.percent();
    match (progress, lang) {
        (Progress::Reading(..), Lang::Zh) => format!("正在读取清单…{percent}%"),
        (Progress::Reading(..), Lang::En) => format!("Reading the list… {percent}%"),
        (Progress::Estimating(..), Lang::Zh) => format!("正在测算…{percent}%"),
        (Progress::Estimating(..), Lang::En) => format!("Estimating… {percent}%"),
    }
}
