//! Why a workbook could not be read, said in the user's language.

use jianfu_core::figures::count;
use jianfu_core::lang::Lang;

use crate::{MAX_FILE_BYTES, MAX_INFLATED_BYTES, MAX_ROWS};

/// Why a file could not be read as a workbook. Each says what the user can
/// do about it ([`Error::message`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// The file's parts would inflate to more than [`MAX_INFLATED_BYTES`]:
    /// a zip bomb, or a workbook far larger than any account list.
    Inflates {
        /// The bytes its parts declare.
        bytes: u64,
    },
    /// The workbook is protected by a password (encrypted).
    Encrypted,
    /// The file is neither a zip (.xlsx, .xlsm, .ods) nor an OLE file
    /// (.xls), whatever its name says: a text file, a picture, a web page.
    NotWorkbook,
    /// A zip that holds no workbook (a .docx, an archive of other files).
    NotSpreadsheet,
    /// An Excel binary workbook (.xlsb): its merged cells cannot be read,
    /// and without them units merged down would be guessed.
    Xlsb,
    /// The file is damaged or cut short; the reader's own words.
    Corrupt(String),
    /// Every sheet has more than [`MAX_ROWS`] rows.
    TooManyRows {
        /// The sheet with the fewest rows.
        sheet: String,
        /// Its rows.
        rows: usize,
    },
    /// The workbook has no sheet with any cell.
    Empty,
    /// A sheet's merged ranges cover more cells than any list has.
    TooManyMerged {
        /// The sheet.
        sheet: String,
    },
}

impl Error {
    /// The error as a sentence in `lang`, saying what to do.
    pub fn message(&self, lang: Lang) -> String {
        let mb = |bytes: u64| bytes.div_ceil(1024 * 1024);
        match (self, lang) {
            (Error::TooLarge { bytes }, Lang::Zh) => format!(
                "文件有 {} MB，超过上限 {} MB，未读取。账号清单通常不到 1 MB：请删去无关的工作表或图片后重试，或另存为 CSV。",
                mb(*bytes as u64),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            (Error::TooLarge { bytes }, Lang::En) => format!(
                "The file is {} MB, over the {} MB limit, and was not read. An account list is usually under 1 MB: remove other sheets or pictures and try again, or save it as CSV.",
                mb(*bytes as u64),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            (Error::Inflates { bytes }, Lang::Zh) => format!(
                "文件解压后有 {} MB，超过上限 {} MB，未读取（可能不是正常的工作簿）。",
                mb(*bytes),
                MAX_INFLATED_BYTES / (1024 * 1024)
            ),
            (Error::Inflates { bytes }, Lang::En) => format!(
                "The file would unpack to {} MB, over the {} MB limit, and was not read (it may not be a normal workbook).",
                mb(*bytes),
                MAX_INFLATED_BYTES / (1024 * 1024)
            ),
            (Error::Encrypted, Lang::Zh) => {
                "工作簿设有打开密码，无法读取。请在 Excel 或 WPS 中取消密码（文件 → 信息 → 保护工作簿）后另存，再上传。".into()
            }
            (Error::Encrypted, Lang::En) => {
                "The workbook is protected by a password and cannot be read. Remove the password in Excel or WPS (File → Info → Protect Workbook), save, and upload it again.".into()
            }
            (Error::NotWorkbook, Lang::Zh) => {
                "这个文件不是 Excel、WPS 或 LibreOffice 工作簿（.xlsx、.xls、.ods），虽然名称像是。请在表格软件中打开它，另存为 .xlsx 或 CSV 后再上传。".into()
            }
            (Error::NotWorkbook, Lang::En) => {
                "This file is not an Excel, WPS or LibreOffice workbook (.xlsx, .xls, .ods), whatever its name says. Open it in a spreadsheet program and save it as .xlsx or CSV, then upload it again.".into()
            }
            (Error::NotSpreadsheet, Lang::Zh) => {
                "这个文件是压缩包，但里面没有工作表（可能是 Word 文档或其他压缩文件）。请上传账号清单的 .xlsx、.xls、.ods 或 CSV 文件。".into()
            }
            (Error::NotSpreadsheet, Lang::En) => {
                "This file is a zip archive with no worksheet in it (a Word document or another archive, perhaps). Upload the account list as .xlsx, .xls, .ods or CSV.".into()
            }
            (Error::Xlsb, Lang::Zh) => {
                "这是 Excel 二进制工作簿（.xlsb），其中的合并单元格无法读取。请在 Excel 中另存为 .xlsx 后再上传。".into()
            }
            (Error::Xlsb, Lang::En) => {
                "This is an Excel binary workbook (.xlsb), whose merged cells cannot be read. Save it as .xlsx in Excel and upload it again.".into()
            }
            (Error::Corrupt(why), Lang::Zh) => format!(
                "工作簿已损坏或不完整，无法读取（{why}）。请在表格软件中打开并另存后重试。"
            ),
            (Error::Corrupt(why), Lang::En) => format!(
                "The workbook is damaged or incomplete and cannot be read ({why}). Open it in a spreadsheet program, save it again and retry."
            ),
            (Error::TooManyRows { sheet, rows }, Lang::Zh) => format!(
                "工作表「{sheet}」有 {} 行，超过上限 {} 行，未读取。请只保留账号清单的行，或分成几个文件。",
                count(*rows, lang),
                count(MAX_ROWS, lang)
            ),
            (Error::TooManyRows { sheet, rows }, Lang::En) => format!(
                "Sheet “{sheet}” has {} rows, over the limit of {}, and was not read. Keep only the rows of the account list, or split it into several files.",
                count(*rows, lang),
                count(MAX_ROWS, lang)
            ),
            (Error::Empty, Lang::Zh) => "工作簿中没有填有内容的工作表。".into(),
            (Error::Empty, Lang::En) => "The workbook has no sheet with anything in it.".into(),
            (Error::TooManyMerged { sheet }, Lang::Zh) => format!(
                "工作表「{sheet}」的合并单元格过多，无法读取。请取消合并后重试。"
            ),
            (Error::TooManyMerged { sheet }, Lang::En) => format!(
                "Sheet “{sheet}” has too many merged cells to read. Unmerge them and try again."
            ),
        }
    }
}
