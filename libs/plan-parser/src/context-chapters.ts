/*
 * The chapters that give a plan's context rather than its tasks, read by their titles: the
 * structure keeps their paragraphs whole, and their items without units are the preamble.
 */

/** Chapters (or items) whose unit-less items are the plan's preamble, not tasks. */
export const PREAMBLE_TITLE =
  /总体要求|指导思想|基本原则|主要原则|工作原则|总体目标|主要目标|工作目标|目标任务|总体思路|基本要求|发展目标|重要意义/;
/**
 * Closing chapters on how the plan is carried out, whose unit-less items are context too
 * (`preamble`): by the chapter's whole title only (强化保障措施, not 完善社会保障机制), as an item
 * titled 加强治理工作保障 may be a task.
 */
export const CLOSING_CHAPTER =
  /^(?:[加强健全完善强化落实]{2})?(?:保障措施|组织保障|工作保障|保障机制|实施步骤|工作步骤|步骤安排|工作要求|有关要求)$/;
