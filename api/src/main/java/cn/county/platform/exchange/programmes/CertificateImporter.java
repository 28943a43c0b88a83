package cn.county.platform.exchange.programmes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.county.platform.exchange.imports.ImportKind;
import cn.county.platform.exchange.imports.ImportProperties;
import cn.county.platform.exchange.imports.ImportTransactions;
import cn.county.platform.job.Certificate;
import cn.county.platform.job.CertificateKind;
import cn.county.platform.job.Inputs;
import cn.county.platform.job.SkillService;
import cn.county.platform.security.Caller;

import org.springframework.stereotype.Component;

/**
 * The certificate roster of the human resources and social security bureau (item 15: the
 * 40% certification target), one certificate per row, written through
 * {@link SkillService}. A certificate is the member's of the same number: a new one is
 * recorded, a stored one updated where the row differs (name, kind, issue date), an
 * identical one left alone.
 */
@Component
public class CertificateImporter extends RowImporter<CertificateImporter.CertificateColumn, CertificateImporter.Row> {

	static final Map<String, CertificateKind> KINDS = words(CertificateKind.class, "职业技能等级证书",
			CertificateKind.VOCATIONAL_SKILL, "职业资格证书", CertificateKind.VOCATIONAL_SKILL, "特种作业操作证",
			CertificateKind.SPECIAL_OPERATION, "其他", CertificateKind.OTHER);

	/** The columns; the map is in {@code docs/exchange.md}. */
	public enum CertificateColumn implements Spec.Column {

		ID_NUMBER(Spec.idNumber()), NAME(Spec.optional("name", "姓名")),
		CERTIFICATE(Spec.required("certificate", "证书名称")), KIND(Spec.required("kind", "证书类别")),
		ISSUED_ON(Spec.required("issuedOn", "发证日期")), NUMBER(Spec.required("number", "证书编号"));

		private final Spec spec;

		CertificateColumn(Spec spec) {
			this.spec = spec;
		}

		@Override
		public Spec spec() {
			return this.spec;
		}

	}

	record Row(String idNumber, String name, CertificateKind kind, LocalDate issuedOn, String number) {
	}

	private final People people;

	private final SkillService skills;

	CertificateImporter(People people, SkillService skills, ImportTransactions transactions, ImportProperties imports,
			ProgrammeImportProperties properties) {
		super(ImportKind.CERTIFICATES, Owner.HRSS, CertificateColumn.class, transactions, imports, properties);
		this.people = people;
		this.skills = skills;
	}

	@Override
	Row read(Reading<CertificateColumn> row) {
		return new Row(row.text(CertificateColumn.ID_NUMBER), row.text(CertificateColumn.CERTIFICATE),
				row.word(CertificateColumn.KIND, KINDS), row.date(CertificateColumn.ISSUED_ON),
				row.text(CertificateColumn.NUMBER));
	}

	@Override
	boolean write(Caller caller, Row row) {
		long member = this.people.find(caller, row.idNumber()).member().id();
		Certificate same = this.skills.certificatesOfMembers(List.of(member))
			.getOrDefault(member, List.of())
			.stream()
			.filter((certificate) -> certificate.number().equals(row.number()))
			.findFirst()
			.orElse(null);
		if (same == null) {
			this.skills.recordCertificate(caller, new Inputs.RecordCertificateInput(member, row.name(), row.kind(),
					row.issuedOn(), row.number(), null));
			return true;
		}
		String name = same.name().equals(row.name()) ? null : row.name();
		CertificateKind kind = (same.kind() == row.kind()) ? null : row.kind();
		LocalDate issuedOn = same.issuedOn().equals(row.issuedOn()) ? null : row.issuedOn();
		if (name == null && kind == null && issuedOn == null) {
			return false;
		}
		this.skills.updateCertificate(caller,
				new Inputs.UpdateCertificateInput(same.id(), same.version(), name, kind, issuedOn, null, null));
		return true;
	}

	@Override
	CertificateColumn columnOf(String field) {
		return switch (field.substring(field.lastIndexOf('.') + 1)) {
			case "memberId", "idNumber", "id" -> CertificateColumn.ID_NUMBER;
			case "name" -> CertificateColumn.CERTIFICATE;
			case "kind" -> CertificateColumn.KIND;
			case "issuedOn" -> CertificateColumn.ISSUED_ON;
			case "number" -> CertificateColumn.NUMBER;
			default -> null;
		};
	}

}
