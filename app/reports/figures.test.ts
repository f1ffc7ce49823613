import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { endOfDayIn } from "~/assignments/cycle-dates.ts";
import {
  anonymise,
  assignedFigure,
  averageScore,
  completedFigure,
  completionRate,
  completionsInPeriod,
  compliance,
  computeFigures,
  enrollmentsOf,
  expiringFigure,
  figuresByCourse,
  figuresByDepartment,
  firstAttemptPassRate,
  median,
  medianDaysToComplete,
  mostCompletedCourses,
  overdueFigure,
  peopleFigure,
  startedFigure,
  voluntaryCompleted,
  voluntaryStarted,
  weeklyCompletions,
  weeksOfPeriod,
  type AssignedRow,
  type CertificateRow,
  type EnrollmentFacts,
  type FigureFacts,
  type VoluntaryRow,
} from "./figures.ts";

const ZONE = "Europe/Madrid";
/** Midnight at the start of a calendar day in Madrid. */
const cityMidnight = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(new TZDate(y!, m! - 1, d!, ZONE).getTime());
};
const at = (iso: string) => new Date(iso);
// March 2026 in Madrid: 1 March 00:00 CET (= 28 Feb 23:00 UTC) to 31 March 23:59:59.999 CEST.
const march = { start: cityMidnight("2026-03-01"), end: endOfDayIn("2026-03-31", ZONE) };
const now = at("2026-04-10T10:00:00Z");

let counter = 0;
function enrollment(facts: Partial<EnrollmentFacts> = {}): EnrollmentFacts {
  counter += 1;
  return { id: counter, startedAt: null, completedAt: null, bestPassingScore: null, firstSubmitted: null, ...facts };
}
function row(facts: Partial<AssignedRow> = {}): AssignedRow {
  return {
    personId: 1,
    departmentPath: "a/",
    courseId: "c1",
    assignedAt: at("2026-02-01T10:00:00Z"),
    dueAt: endOfDayIn("2026-03-15", ZONE),
    withdrawnAt: null,
    enrollment: null,
    ...facts,
  };
}
function voluntary(facts: Partial<EnrollmentFacts>, personId = 1, courseId = "c2"): VoluntaryRow {
  return { personId, departmentPath: "a/", courseId, enrollment: enrollment(facts) };
}
const certificate = (facts: Partial<CertificateRow> = {}): CertificateRow => ({
  personId: 1,
  departmentPath: "a/",
  courseId: "c1",
  expiresAt: null,
  revokedAt: null,
  ...facts,
});
const empty: FigureFacts = { people: [], assigned: [], voluntary: [], certificates: [] };

describe("figures of an empty scope", () => {
  it("counts zero and gives no data (not 0) for every rate and mean", () => {
    const figures = computeFigures(empty, { period: march, now });
    expect(figures.people.value).toBe(0);
    expect(figures.assigned.value).toBe(0);
    expect(figures.completionsInPeriod.value).toBe(0);
    expect(figures.overdue.value).toBe(0);
    for (const rate of [
      figures.completionRate,
      figures.averageScore,
      figures.firstAttemptPassRate,
      figures.medianDaysToComplete,
      figures.compliantShare,
    ])
      expect(rate.value).toBeNull();
  });
});

describe("people", () => {
  it("counts the people given (the loader passes active people in scope only)", () => {
    expect(
      peopleFigure([
        { id: "a", departmentPath: null },
        { id: "b", departmentPath: "x/" },
      ]),
    ).toEqual({ value: 2, people: 2 });
  });
});

describe("assigned, started, completed", () => {
  it("counts rows open in the period: assigned by its end, not completed before it, not withdrawn", () => {
    const rows = [
      row(), // open
      row({ assignedAt: at("2026-04-01T10:00:00Z") }), // assigned after the period
      row({ enrollment: enrollment({ completedAt: at("2026-02-20T10:00:00Z") }) }), // closed before it
      row({ withdrawnAt: at("2026-03-02T10:00:00Z") }), // withdrawn: leaves the figures
      row({
        personId: 2,
        enrollment: enrollment({ startedAt: at("2026-03-03T10:00:00Z"), completedAt: at("2026-03-20T10:00:00Z") }),
      }),
      row({ personId: 3, enrollment: enrollment({ startedAt: at("2026-03-03T10:00:00Z") }) }),
    ];
    expect(assignedFigure(rows, march)).toEqual({ value: 3, people: 3 });
    expect(startedFigure(rows, march).value).toBe(2);
    expect(completedFigure(rows, march).value).toBe(1);
  });

  it("does not count as started or completed what happened after the period", () => {
    const rows = [
      row({ enrollment: enrollment({ startedAt: at("2026-04-02T10:00:00Z"), completedAt: at("2026-04-03T10:00:00Z") }) }),
    ];
    expect(startedFigure(rows, march).value).toBe(0);
    expect(completedFigure(rows, march).value).toBe(0);
  });
});

describe("completion rate (mandatory)", () => {
  it("is completed ÷ assigned of the rows due in the period", () => {
    const rows = [
      row({ enrollment: enrollment({ completedAt: at("2026-03-10T10:00:00Z") }) }),
      row({ personId: 2 }),
      row({ personId: 3, dueAt: endOfDayIn("2026-04-30", ZONE) }), // due after the period
      row({ personId: 4, withdrawnAt: at("2026-03-01T10:00:00Z") }), // withdrawn
    ];
    expect(completionRate(rows, march, now)).toEqual({ value: 0.5, people: 2 });
  });

  it("is no data when nothing falls due in the period", () => {
    expect(completionRate([row({ dueAt: endOfDayIn("2026-05-01", ZONE) })], march, now).value).toBeNull();
  });

  it("takes due dates at the city's day boundaries", () => {
    // Due at the end of 31 March, Madrid time (21:59:59.999 UTC): inside March.
    const last = row({ dueAt: endOfDayIn("2026-03-31", ZONE) });
    // Due at the end of 28 February in Madrid (22:59:59.999 UTC): before 1 March 00:00 CET, outside March.
    const before = row({ personId: 2, dueAt: endOfDayIn("2026-02-28", ZONE) });
    expect(completionRate([last, before], march, now).people).toBe(1);
  });
});

describe("completions in the period", () => {
  it("counts by completion date, city midnight inclusive at both ends", () => {
    const rows = [
      row({ enrollment: enrollment({ completedAt: cityMidnight("2026-03-01") }) }), // first instant of the period
      row({ personId: 2, enrollment: enrollment({ completedAt: endOfDayIn("2026-03-31", ZONE) }) }), // last instant
      row({ personId: 3, enrollment: enrollment({ completedAt: new Date(cityMidnight("2026-03-01").getTime() - 1) }) }),
      row({ personId: 4, enrollment: enrollment({ completedAt: cityMidnight("2026-04-01") }) }),
    ];
    expect(completionsInPeriod(rows, march)).toEqual({ value: 2, people: 2 });
  });
});

describe("voluntary enrolments", () => {
  it("counts started and completed in the period apart from the assigned rows", () => {
    const rows = [
      voluntary({ startedAt: at("2026-03-02T10:00:00Z"), completedAt: at("2026-03-05T10:00:00Z") }),
      voluntary({ startedAt: at("2026-02-02T10:00:00Z"), completedAt: at("2026-03-05T10:00:00Z") }, 2),
      voluntary({ startedAt: at("2026-03-02T10:00:00Z") }, 3),
    ];
    expect(voluntaryStarted(rows, march).value).toBe(2);
    expect(voluntaryCompleted(rows, march).value).toBe(2);
    const figures = computeFigures({ ...empty, voluntary: rows }, { period: march, now });
    expect(figures.assigned.value).toBe(0);
    expect(figures.completionsInPeriod.value).toBe(0);
    expect(figures.voluntaryCompleted.value).toBe(2);
  });

  it("leaves them out of every figure with mandatory only", () => {
    const rows = [voluntary({ completedAt: at("2026-03-05T10:00:00Z"), bestPassingScore: 90 })];
    const figures = computeFigures({ ...empty, voluntary: rows }, { period: march, now, mandatoryOnly: true });
    expect(figures.voluntaryCompleted.value).toBe(0);
    expect(figures.averageScore.value).toBeNull();
  });
});

describe("average score and first-attempt pass rate", () => {
  const shared = enrollment({
    completedAt: at("2026-03-10T10:00:00Z"),
    bestPassingScore: 80,
    firstSubmitted: { submittedAt: at("2026-03-09T10:00:00Z"), passed: false },
  });
  const assigned = [
    row({ enrollment: shared }),
    row({ assignedAt: at("2026-02-02T10:00:00Z"), enrollment: shared }), // the same enrolment on two rows counts once
    row({
      personId: 2,
      enrollment: enrollment({
        completedAt: at("2026-03-12T10:00:00Z"),
        bestPassingScore: 100,
        firstSubmitted: { submittedAt: at("2026-03-12T09:00:00Z"), passed: true },
      }),
    }),
    row({
      personId: 3,
      withdrawnAt: at("2026-03-01T00:00:00Z"),
      enrollment: enrollment({ completedAt: at("2026-03-12T10:00:00Z"), bestPassingScore: 0 }),
    }),
  ];
  const vol = [
    voluntary(
      {
        completedAt: at("2026-03-20T10:00:00Z"),
        bestPassingScore: 90,
        firstSubmitted: { submittedAt: at("2026-03-20T09:00:00Z"), passed: true },
      },
      4,
    ),
    voluntary({ firstSubmitted: { submittedAt: at("2026-03-21T09:00:00Z"), passed: false } }, 5),
  ];

  it("averages the best passing score per completed enrolment, each once, withdrawn rows excluded", () => {
    // (80 + 100 + 90) / 3 = 90
    expect(averageScore(enrollmentsOf(assigned, vol), march)).toEqual({ value: 90, people: 3 });
    // mandatory only: (80 + 100) / 2 = 90 as well; p2 and p1
    expect(averageScore(enrollmentsOf(assigned, vol, true), march)).toEqual({ value: 90, people: 2 });
  });

  it("is completions whose first submitted attempt passed ÷ enrolments with a submitted attempt", () => {
    // first attempts in March: p1 failed, p2 passed, p4 passed, p5 failed → 2 / 4
    expect(firstAttemptPassRate(enrollmentsOf(assigned, vol), march)).toEqual({ value: 0.5, people: 4 });
    expect(firstAttemptPassRate([], march).value).toBeNull();
  });
});

describe("time to complete", () => {
  it("is the median of assigned → completed, in days", () => {
    const assignedAt = at("2026-03-01T10:00:00Z");
    const rows = [1, 3, 10].map((days, index) =>
      row({
        personId: index,
        assignedAt,
        enrollment: enrollment({ completedAt: new Date(assignedAt.getTime() + days * 86_400_000) }),
      }),
    );
    expect(medianDaysToComplete(rows, march)).toEqual({ value: 3, people: 3 });
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("overdue", () => {
  it("counts rows not completed whose due date has passed, by the state rule", () => {
    const rows = [
      row(), // due 15 March, not completed: overdue on 10 April
      row({ personId: 2, enrollment: enrollment({ completedAt: at("2026-04-01T10:00:00Z") }) }), // completed late: not overdue
      row({ personId: 3, dueAt: endOfDayIn("2026-04-10", ZONE) }), // due later today
      row({ personId: 4, withdrawnAt: at("2026-03-20T10:00:00Z") }),
    ];
    expect(overdueFigure(rows, now)).toEqual({ value: 1, people: 1 });
  });
});

describe("expiring", () => {
  it("counts valid certificates expiring within the next N days (60 by default)", () => {
    const day = 86_400_000;
    const certificates = [
      certificate({ expiresAt: new Date(now.getTime() + 10 * day) }),
      certificate({ expiresAt: new Date(now.getTime() + 60 * day) }),
      certificate({ expiresAt: new Date(now.getTime() + 61 * day) }),
      certificate({ expiresAt: new Date(now.getTime() - day) }), // expired
      certificate({ expiresAt: new Date(now.getTime() + 10 * day), revokedAt: at("2026-04-01T00:00:00Z") }),
      certificate({ expiresAt: null }),
    ];
    expect(expiringFigure(certificates, now).value).toBe(2);
    expect(expiringFigure(certificates, now, 90).value).toBe(3);
  });
});

describe("compliant", () => {
  it("counts people all of whose mandatory courses have a valid certificate, as a share of people with a mandatory row", () => {
    const rows = [
      row({ personId: 1, courseId: "c1" }),
      row({ personId: 1, courseId: "c2" }),
      row({ personId: 2, courseId: "c1" }),
      row({ personId: 3, courseId: "c1" }),
      row({ personId: 4, courseId: "c1", withdrawnAt: at("2026-03-01T00:00:00Z") }), // no live mandatory row
    ];
    const certificates = [
      certificate({ personId: 1, courseId: "c1" }),
      certificate({ personId: 1, courseId: "c2", expiresAt: at("2027-01-01T00:00:00Z") }), // p1: both valid
      certificate({ personId: 2, courseId: "c1", expiresAt: at("2026-04-01T00:00:00Z") }), // p2: expired
      certificate({ personId: 3, courseId: "c1", revokedAt: at("2026-03-01T00:00:00Z") }), // p3: revoked
      certificate({ personId: 4, courseId: "c1" }),
    ];
    const { compliant, share } = compliance(rows, certificates, now);
    expect(compliant).toEqual({ value: 1, people: 3 });
    expect(share.value).toBeCloseTo(1 / 3);
    expect(compliance([], certificates, now).share.value).toBeNull();
  });
});

describe("roll-ups and tables", () => {
  it("counts a department's sub-departments in its row", () => {
    const facts: FigureFacts = {
      people: [
        { id: "p1", departmentPath: "a/" },
        { id: "p2", departmentPath: "a/b/" },
        { id: "p3", departmentPath: "a/b/c/" },
        { id: "p4", departmentPath: "d/" },
      ],
      assigned: [row({ personId: 3, departmentPath: "a/b/c/" }), row({ personId: 4, departmentPath: "d/" })],
      voluntary: [],
      certificates: [],
    };
    const departments = [
      { path: "a/", level: 1 },
      { path: "a/b/", level: 2 },
      { path: "a/b/c/", level: 3 },
      { path: "d/", level: 1 },
    ];
    const rows = figuresByDepartment(departments, facts, { period: march, now });
    expect(rows.map((r) => r.figures.people.value)).toEqual([3, 2, 1, 1]);
    expect(rows.map((r) => r.figures.assigned.value)).toEqual([1, 1, 1, 1]);
  });

  it("splits the rows by course", () => {
    const facts: FigureFacts = {
      ...empty,
      assigned: [row({ courseId: "c1" }), row({ courseId: "c2" }), row({ courseId: "c2", personId: 2 })],
    };
    const rows = figuresByCourse([{ id: "c1" }, { id: "c2" }], facts, { period: march, now });
    expect(rows.map((r) => r.figures.assigned.value)).toEqual([1, 2]);
  });

  it("ranks courses by completions in the period, both kinds together", () => {
    const done = { completedAt: at("2026-03-05T10:00:00Z") };
    const facts: FigureFacts = {
      ...empty,
      assigned: [row({ courseId: "c1", enrollment: enrollment(done) })],
      voluntary: [voluntary(done, 2, "c2"), voluntary(done, 3, "c2")],
    };
    expect(mostCompletedCourses(facts, { period: march, now }).map((c) => [c.courseId, c.completions.value])).toEqual([
      ["c2", 2],
      ["c1", 1],
    ]);
  });
});

describe("one set of facts asked for several periods", () => {
  it("gives each period its own figures, as fresh copies of the rows would", () => {
    // Figures keep what they derive from a rows array for the period asked; another period on the
    // same arrays must not get the first one's rows.
    const facts: FigureFacts = {
      people: [{ id: "p1", departmentPath: "a/" }],
      assigned: [
        row({ enrollment: enrollment({ completedAt: at("2026-03-05T10:00:00Z") }) }),
        row({ personId: 2, assignedAt: at("2026-04-02T10:00:00Z"), dueAt: endOfDayIn("2026-04-20", ZONE) }),
      ],
      voluntary: [],
      certificates: [],
    };
    const april = { start: cityMidnight("2026-04-01"), end: endOfDayIn("2026-04-30", ZONE) };
    const copies = (): FigureFacts => ({
      people: [...facts.people],
      assigned: [...facts.assigned],
      voluntary: [],
      certificates: [],
    });
    const inMarch = computeFigures(facts, { period: march, now });
    const inApril = computeFigures(facts, { period: april, now });
    expect(inMarch).toEqual(computeFigures(copies(), { period: march, now }));
    expect(inApril).toEqual(computeFigures(copies(), { period: april, now }));
    expect([inMarch.assigned.value, inMarch.completionsInPeriod.value]).toEqual([1, 1]);
    expect([inApril.assigned.value, inApril.completionsInPeriod.value]).toEqual([1, 0]);
    // Asked again for March after April: March's figures, not April's.
    expect(computeFigures(facts, { period: march, now })).toEqual(inMarch);
  });
});

describe("weeks", () => {
  it("lists the ISO weeks of the period in the city's time zone", () => {
    const weeks = weeksOfPeriod(march, ZONE);
    // 1 March 2026 is a Sunday (week 9); 31 March a Tuesday (week 14).
    expect(weeks.map((w) => w.week)).toEqual(["2026-W09", "2026-W10", "2026-W11", "2026-W12", "2026-W13", "2026-W14"]);
    expect(weeks[0]!.start).toEqual(march.start);
  });

  it("puts a completion at Monday 00:30 Madrid time (Sunday in UTC) in Monday's week", () => {
    // Monday 9 March 2026 00:30 CET = Sunday 8 March 23:30 UTC.
    const facts: FigureFacts = {
      ...empty,
      assigned: [row({ enrollment: enrollment({ completedAt: at("2026-03-08T23:30:00Z") }) })],
    };
    const points = weeklyCompletions(facts, { period: march, now, timeZone: ZONE });
    expect(points.find((p) => p.week === "2026-W11")!.mandatory.value).toBe(1);
    expect(points.find((p) => p.week === "2026-W10")!.mandatory.value).toBe(0);
  });
});

describe("anonymise", () => {
  it("hides a figure computed over fewer than 5 people and shows it from 5", () => {
    expect(anonymise({ value: 3, people: 4 })).toEqual({ shown: false });
    expect(anonymise({ value: 0, people: 0 })).toEqual({ shown: false });
    expect(anonymise({ value: 0.8, people: 5 })).toEqual({ shown: true, value: 0.8 });
    expect(anonymise({ value: null, people: 5 })).toEqual({ shown: true, value: null });
  });
});

describe("figures with an erased person's rows (decision 027)", () => {
  // p1 stays; p2 was erased: their rows are loaded, marked, and their certificate revoked.
  const done = (score: number) =>
    enrollment({ startedAt: at("2026-03-02T10:00:00Z"), completedAt: at("2026-03-10T10:00:00Z"), bestPassingScore: score });
  const expiresSoon = at("2026-04-20T10:00:00Z");
  const facts: FigureFacts = {
    people: [{ id: "p1", departmentPath: "a/" }],
    assigned: [
      row({ enrollment: done(80) }),
      row({ personId: 2, erased: true, enrollment: done(100) }),
      row({ personId: 2, erased: true, courseId: "c3", dueAt: endOfDayIn("2026-04-01", ZONE) }),
    ],
    voluntary: [],
    certificates: [
      certificate({ expiresAt: expiresSoon }),
      certificate({ personId: 2, erased: true, expiresAt: expiresSoon, revokedAt: at("2026-04-09T10:00:00Z") }),
    ],
  };
  const figures = computeFigures(facts, { period: march, now });

  it("counts them in what happened in the period", () => {
    expect(figures.assigned).toEqual({ value: 3, people: 2 });
    expect(figures.completed.value).toBe(2);
    expect(figures.averageScore.value).toBe(90);
  });

  it("leaves them out of the figures of now: people, overdue, expiring, compliant", () => {
    expect(figures.people.value).toBe(1);
    expect(figures.overdue.value).toBe(0);
    expect(figures.expiring.value).toBe(1);
    expect(figures.compliant).toEqual({ value: 1, people: 1 });
    expect(figures.compliantShare.value).toBe(1);
  });
});
