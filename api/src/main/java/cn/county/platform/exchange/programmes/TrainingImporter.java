package cn.county.platform.exchange.programmes;

import java.time.LocalDate;
import java.util.List;

import cn.county.platform.exchange.imports.ImportKind;
import cn.county.platform.exchange.imports.ImportProperties;
import cn.county.platform.exchange.imports.ImportTransactions;
import cn.county.platform.job.Inputs;
import cn.county.platform.job.SkillService;
import cn.county.platform.job.Training;
import cn.county.platform.security.Caller;

import org.springframework.stereotype.Component;

/**
 * The skills-training roster of the human resources and social security bureau (item 15),
 * one training per row, written through {@link SkillService}. A training is the member's
 * of the same course and start date: a new one is recorded, a stored one updated where
 * the row differs (provider, end date, completed; a blank cell keeps the stored value),
 * an identical one left alone.
 */
@Component
public class TrainingImporter extends RowImporter<TrainingImporter.TrainingColumn, TrainingImporter.Row> {

	/** The columns; the map is in {@code docs/exchange.md}. */
	public enum TrainingColumn implements Spec.Column {

		ID_NUMBER(Spec.idNumber()), NAME(Spec.optional("name", "姓名")), COURSE(Spec.required("course", "培训项目")),
		PROVIDER(Spec.required("provider", "培训机构")), START_DATE(Spec.required("startDate", "开始日期")),
		END_DATE(Spec.optional("endDate", "结束日期")), COMPLETED(Spec.optional("completed", "是否结业"));

		private final Spec spec;

		TrainingColumn(Spec spec) {
			this.spec = spec;
		}

		@Override
		public Spec spec() {
			return this.spec;
		}

	}

	record Row(String idNumber, String course, String provider, LocalDate startDate, LocalDate endDate,
			Boolean completed) {
	}

	private final People people;

	private final SkillService skills;

	TrainingImporter(People people, SkillService skills, ImportTransactions transactions, ImportProperties imports,
			ProgrammeImportProperties properties) {
		super(ImportKind.TRAININGS, Owner.HRSS, TrainingColumn.class, transactions, imports, properties);
		this.people = people;
		this.skills = skills;
	}

	@Override
	Row read(Reading<TrainingColumn> row) {
		return new Row(row.text(TrainingColumn.ID_NUMBER), row.text(TrainingColumn.COURSE),
				row.text(TrainingColumn.PROVIDER), row.date(TrainingColumn.START_DATE),
				row.date(TrainingColumn.END_DATE), row.yesNo(TrainingColumn.COMPLETED));
	}

	@Override
	boolean write(Caller caller, Row row) {
		People.Person person = this.people.find(caller, row.idNumber());
		long member = person.member().id();
		Training same = this.skills.trainingsOfMembers(List.of(member))
			.getOrDefault(member, List.of())
			.stream()
			.filter((training) -> training.course().equals(row.course())
					&& training.startDate().equals(row.startDate()))
			.findFirst()
			.orElse(null);
		if (same == null) {
			this.skills.recordTraining(caller, new Inputs.RecordTrainingInput(member, row.course(), row.provider(),
					row.startDate(), row.endDate(), row.completed()));
			return true;
		}
		String provider = same.provider().equals(row.provider()) ? null : row.provider();
		LocalDate end = (row.endDate() == null || row.endDate().equals(same.endDate())) ? null : row.endDate();
		Boolean completed = (row.completed() == null || row.completed() == same.completed()) ? null : row.completed();
		if (provider == null && end == null && completed == null) {
			return false;
		}
		this.skills.updateTraining(caller,
				new Inputs.UpdateTrainingInput(same.id(), same.version(), null, provider, null, end, completed));
		return true;
	}

	@Override
	TrainingColumn columnOf(String field) {
		return switch (field.substring(field.lastIndexOf('.') + 1)) {
			case "memberId", "idNumber" -> TrainingColumn.ID_NUMBER;
			case "course" -> TrainingColumn.COURSE;
			case "provider" -> TrainingColumn.PROVIDER;
			case "startDate" -> TrainingColumn.START_DATE;
			case "endDate" -> TrainingColumn.END_DATE;
			case "completed" -> TrainingColumn.COMPLETED;
			default -> null;
		};
	}

}
