/**
 * The network area's messages in the three languages, spread into es.ts, pt.ts and en.ts (kept
 * apart so that each area's pages add their texts in one place). Spanish is the source.
 */
export const networkEs = {
  "network.nav": "Red de ciudades",
  "network.title": "La red de ciudades",
  "network.intro":
    "Cifras anónimas de cada ciudad, del {from} al {to}. Sin datos personales: una cifra calculada sobre menos de {min} personas se muestra como «{fewer}».",
  "network.fewer": "< {min}",
  "network.table": "Cifras de cada ciudad",
  "network.col.city": "Ciudad",
  "network.col.people": "Personas",
  "network.col.assigned": "Asignaciones abiertas",
  "network.col.completionRate": "Tasa de finalización de lo obligatorio",
  "network.col.compliantShare": "Personas al día",
  "network.col.averageScore": "Nota media",
  "network.col.topCourses": "Cursos más completados",
  "network.topCourse": "{title}: {count}",
  "network.noCourses": "ninguno",
  "network.trendTitle": "Finalizaciones por semana en cada ciudad",
  "network.trendDesc":
    "Cursos completados cada semana en las últimas {weeks} semanas del periodo, una línea por ciudad; las semanas con menos de {min} personas no se dibujan. La tabla siguiente da los mismos datos.",
  "network.trendTable": "Finalizaciones por semana en cada ciudad (datos del gráfico)",
  "network.week": "Semana",
  "network.weekLabel": "Semana {week} de {year}",
} as const;

export const networkPt = {
  "network.nav": "Rede de cidades",
  "network.title": "A rede de cidades",
  "network.intro":
    "Números anônimos de cada cidade, de {from} a {to}. Sem dados pessoais: um número calculado sobre menos de {min} pessoas aparece como “{fewer}”.",
  "network.fewer": "< {min}",
  "network.table": "Números de cada cidade",
  "network.col.city": "Cidade",
  "network.col.people": "Pessoas",
  "network.col.assigned": "Atribuições abertas",
  "network.col.completionRate": "Taxa de conclusão do obrigatório",
  "network.col.compliantShare": "Pessoas em dia",
  "network.col.averageScore": "Nota média",
  "network.col.topCourses": "Cursos mais concluídos",
  "network.topCourse": "{title}: {count}",
  "network.noCourses": "nenhum",
  "network.trendTitle": "Conclusões por semana em cada cidade",
  "network.trendDesc":
    "Cursos concluídos a cada semana nas últimas {weeks} semanas do período, uma linha por cidade; as semanas com menos de {min} pessoas não são desenhadas. A tabela a seguir traz os mesmos dados.",
  "network.trendTable": "Conclusões por semana em cada cidade (dados do gráfico)",
  "network.week": "Semana",
  "network.weekLabel": "Semana {week} de {year}",
};

export const networkEn = {
  "network.nav": "City network",
  "network.title": "The network of cities",
  "network.intro":
    "Each city's anonymised figures, from {from} to {to}. No personal data: a figure computed over fewer than {min} people is shown as “{fewer}”.",
  "network.fewer": "< {min}",
  "network.table": "Each city's figures",
  "network.col.city": "City",
  "network.col.people": "People",
  "network.col.assigned": "Open assignments",
  "network.col.completionRate": "Mandatory completion rate",
  "network.col.compliantShare": "People up to date",
  "network.col.averageScore": "Average score",
  "network.col.topCourses": "Most completed courses",
  "network.topCourse": "{title}: {count}",
  "network.noCourses": "none",
  "network.trendTitle": "Completions per week in each city",
  "network.trendDesc":
    "Courses completed each week over the last {weeks} weeks of the period, one line per city; weeks with fewer than {min} people are not drawn. The table that follows holds the same data.",
  "network.trendTable": "Completions per week in each city (the chart's data)",
  "network.week": "Week",
  "network.weekLabel": "Week {week} of {year}",
};
