/**
 * What the planner reads for each survey-import problem, Vietnamese first; `{param}` placeholders
 * come from the params, `{file}` from the app. Part of the app's message catalogue
 * (src/app/i18n.ts, keys `survey:<code>`).
 */
export const SURVEY_MESSAGES: Readonly<Record<string, { vi: string; en: string }>> = {
  survey_unreadable: {
    vi: 'Không đọc được tệp {file}: {detail}. Bản đồ và các thay đổi vẫn giữ nguyên.',
    en: 'The file {file} could not be read: {detail}. The map and your changes are as they were.',
  },
  survey_nothing_parsed: {
    vi: 'Chưa có tệp nào được đọc để chuyển tọa độ.',
    en: 'No file has been read to transform.',
  },
  survey_outside_province: {
    vi: '{n} điểm của {file} nằm ngoài tỉnh với hệ tọa độ này (điểm đầu tiên: hình {feature}, đỉnh {vertex}). Hãy chọn hệ tọa độ khác; chưa có gì được áp dụng.',
    en: '{n} points of {file} fall outside the province in this coordinate system (first: shape {feature}, vertex {vertex}). Choose another coordinate system; nothing has been applied.',
  },
};
