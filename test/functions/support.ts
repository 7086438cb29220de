/**
 * The CustomFunctions stand-in (what the Excel runtime provides as a global) and a
 * rules text of our own, so the adapters are tested without Excel.
 */
// The same stand-in the preview installs outside Excel (no Office here): the functions run on it in tests too.
import "../../src/workbook/cf-stub.js";

export const ErrorCode = CustomFunctions.ErrorCode;

/** An Excel error value as a platform may pass it inside a range. */
export const excelErrorValue = (code: string): CustomFunctions.Error =>
  new CustomFunctions.Error(code as CustomFunctions.ErrorCode);

/** Three tools, an indicator measured by two tools, sub-indicators, a scale, a reversed question. */
export const MINI = `assessment "ITA ทดสอบ" "ITA test" year ๒๕๖๘
rounding 2 decimals half-up publish question, indicator, tool, total
pass at 85 "ผ่านเกณฑ์" "meets" else "ไม่ผ่านเกณฑ์" "does not meet"
scale yesno "มี/ไม่มี" {
  "มี" code 1 = 100
  "ไม่มี" code 0 = 0
  "ไม่ทราบ" = skip
}
tool IIT "ภายใน" "Internal" weight 30 mean of indicators
tool EIT "ภายนอก" "External" weight 30 mean of indicators
tool OIT "เปิดเผย" "Open" weight 40 mean of indicators
total weighted mean of tools
indicator 1 "การปฏิบัติหน้าที่" tool IIT mean of questions {
  question i1 "ข้อ 1" scale yesno
  question i2 "ข้อ 2" scale yesno reversed
}
indicator 6 "คุณภาพการดำเนินงาน" tools IIT, EIT mean of questions combined mean of tools {
  question q6 "ข้อ 6" scale yesno
}
indicator 9 "การเปิดเผยข้อมูล" tool OIT mean of subindicators {
  subindicator 9.1 "พื้นฐาน" mean of questions {
    question o1 "โครงสร้าง"
  }
}
rating "ระดับ" first match {
  "ผ่านดีเยี่ยม" when total >= 95 and every tool >= 95
  "ผ่านดี" when total >= 85 and every tool >= 85
  "ผ่าน" when total >= 85
  "ต้องปรับปรุง" when total 70 - 84.99
  "ต้องปรับปรุงโดยด่วน" when total 0 - 69.99
}
`;

/** Assert that `fn` throws a CustomFunctions.Error with this code and a message matching `pattern`. */
export function throwsExcel(fn: () => unknown, code: string, pattern: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (!(thrown instanceof CustomFunctions.Error))
    throw new Error(`expected an Excel error ${code}, got ${String(thrown)}`);
  if (thrown.code !== code) throw new Error(`expected ${code}, got ${thrown.code}: ${thrown.message}`);
  if (!pattern.test(thrown.message ?? ""))
    throw new Error(`message ${JSON.stringify(thrown.message)} does not match ${pattern}`);
}
