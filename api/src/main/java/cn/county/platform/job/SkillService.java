package cn.county.platform.job;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.county.platform.audit.AuditTrail;
import cn.county.platform.common.DomainException;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Page;
import cn.county.platform.common.PageRequest;
import cn.county.platform.common.PlatformProperties;
import cn.county.platform.common.Violations;
import cn.county.platform.household.Member;
import cn.county.platform.security.Caller;
import cn.county.platform.security.Scope;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Skills trainings and the certificates members hold (item 15: 40% of labour certified).
 * Writes lock the member first, as job writes do, so a training and the certificates
 * linked to it change consistently.
 */
@Service
public class SkillService {

	static final String SORT_KEY = "ISSUED_ON_DESC";

	private final TrainingMapper trainings;

	private final CertificateMapper certificates;

	private final Holders holders;

	private final IdGenerator ids;

	private final Clock clock;

	private final PlatformProperties properties;

	private final AuditTrail audit;

	SkillService(TrainingMapper trainings, CertificateMapper certificates, Holders holders, IdGenerator ids,
			Clock clock, PlatformProperties properties, AuditTrail audit) {
		this.audit = audit;
		this.trainings = trainings;
		this.certificates = certificates;
		this.holders = holders;
		this.ids = ids;
		this.clock = clock;
		this.properties = properties;
	}

	public Page<Certificate> page(Caller caller, CertificateFilter filter, Integer first, String after) {
		CertificateFilter effective = checked(filter);
		PageRequest request = PageRequest.of(first, after, SORT_KEY, this.properties.maxPageSize());
		List<Certificate> rows = this.certificates.selectPage(effective, caller.scope(),
				request.afterValue(LocalDate::parse), request.afterId(), request.limit());
		return Page.of(rows, request, (certificate) -> certificate.issuedOn().toString(), Certificate::id);
	}

	public long count(Caller caller, CertificateFilter filter) {
		return this.certificates.count(checked(filter), caller.scope());
	}

	public Map<Long, List<Training>> trainingsOfMembers(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		return this.trainings.selectByMemberIds(memberIds).stream().collect(Collectors.groupingBy(Training::memberId));
	}

	public Map<Long, Training> trainings(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.trainings.selectByIds(ids).stream().collect(Collectors.toMap(Training::id, Function.identity()));
	}

	public Map<Long, List<Certificate>> certificatesOfMembers(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Map.of();
		}
		return this.certificates.selectByMemberIds(memberIds)
			.stream()
			.collect(Collectors.groupingBy(Certificate::memberId));
	}

	@Transactional
	@PreAuthorize(Writers.JOBS)
	public Training recordTraining(Caller caller, Inputs.RecordTrainingInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.text(input.course(), "input.course", 100);
		violations.text(input.provider(), "input.provider", 100);
		violations.required(input.startDate(), "input.startDate");
		violations.notFuture(input.startDate(), "input.startDate", today);
		checkTrainingEnd(input.startDate(), input.endDate(), Boolean.TRUE.equals(input.completed()), today, violations);
		violations.throwIfAny();
		Holder holder = this.holders.lock(caller, input.memberId(), "input.memberId");
		Training training = new Training(this.ids.nextId(), holder.id(), holder.householdId(), input.course().strip(),
				input.provider().strip(), input.startDate(), input.endDate(), Boolean.TRUE.equals(input.completed()),
				0);
		this.trainings.insert(training);
		Training recorded = this.trainings.selectById(training.id(), Scope.COUNTY);
		this.audit.record(caller, "recordTraining", "Training", training.id(), null, recorded);
		return recorded;
	}

	@Transactional
	@PreAuthorize(Writers.JOBS)
	public Training updateTraining(Caller caller, Inputs.UpdateTrainingInput input) {
		LocalDate today = LocalDate.now(this.clock);
		Violations violations = new Violations();
		violations.optionalText(input.course(), "input.course", 100);
		violations.optionalText(input.provider(), "input.provider", 100);
		violations.notFuture(input.startDate(), "input.startDate", today);
		violations.throwIfAny();
		Training current = lockTraining(caller, input.id(), input.version());
		LocalDate start = (input.startDate() != null) ? input.startDate() : current.startDate();
		LocalDate end = (input.endDate() != null) ? input.endDate() : current.endDate();
		boolean completed = (input.completed() != null) ? input.completed() : current.completed();
		violations.updatedPeriod(start, end, input.endDate() != null);
		if (completed && end == null) {
			violations.badRequest("input.endDate", "is required for a completed training");
		}
		else if (completed && end.isAfter(today)) {
			violations.badRequest((input.endDate() != null) ? "input.endDate" : "input.completed",
					"the training ends in the future (" + end + "), so it cannot be completed yet");
		}
		violations.throwIfAny();
		if (input.startDate() != null) {
			for (Certificate earned : this.certificates.selectByTrainingId(current.id())) {
				if (earned.issuedOn().isBefore(start)) {
					throw DomainException.conflict("input.startDate", "certificate " + earned.number()
							+ " was issued through this training on " + earned.issuedOn() + ", before that date");
				}
			}
		}
		this.trainings.update(current.id(),
				new Inputs.UpdateTrainingInput(current.id(), input.version(), Violations.strip(input.course()),
						Violations.strip(input.provider()), input.startDate(), input.endDate(), input.completed()));
		Training updated = this.trainings.selectById(current.id(), Scope.COUNTY);
		this.audit.record(caller, "updateTraining", "Training", current.id(), current, updated);
		return updated;
	}

	@Transactional
	@PreAuthorize(Writers.JOBS)
	public Certificate recordCertificate(Caller caller, Inputs.RecordCertificateInput input) {
		Violations violations = new Violations();
		violations.text(input.name(), "input.name", 100);
		violations.required(input.kind(), "input.kind");
		violations.required(input.issuedOn(), "input.issuedOn");
		violations.notFuture(input.issuedOn(), "input.issuedOn", LocalDate.now(this.clock));
		violations.text(input.number(), "input.number", 64);
		violations.throwIfAny();
		Holder holder = this.holders.lock(caller, input.memberId(), "input.memberId");
		if (input.trainingId() != null) {
			checkTraining(holder, input.trainingId(), input.issuedOn(), "input.trainingId", "input.issuedOn");
		}
		Certificate certificate = new Certificate(this.ids.nextId(), holder.id(), holder.householdId(),
				input.trainingId(), input.name().strip(), input.kind(), input.issuedOn(), input.number().strip(), 0);
		this.certificates.insert(certificate);
		Certificate recorded = this.certificates.selectById(certificate.id(), Scope.COUNTY);
		this.audit.record(caller, "recordCertificate", "Certificate", certificate.id(), null, recorded);
		return recorded;
	}

	@Transactional
	@PreAuthorize(Writers.JOBS)
	public Certificate updateCertificate(Caller caller, Inputs.UpdateCertificateInput input) {
		Violations violations = new Violations();
		violations.optionalText(input.name(), "input.name", 100);
		violations.notFuture(input.issuedOn(), "input.issuedOn", LocalDate.now(this.clock));
		violations.optionalText(input.number(), "input.number", 64);
		violations.throwIfAny();
		Certificate current = this.certificates.selectById(Violations.require(input.id(), "input.id"), caller.scope());
		if (current == null) {
			throw DomainException.notFound("input.id", "certificate " + input.id());
		}
		Holder holder = this.holders.lock(caller, current.memberId(), "input.id");
		current = this.certificates.selectById(current.id(), Scope.COUNTY);
		Violations.notStale(input.version(), current.version(), "certificate");
		Long trainingId = (input.trainingId() != null) ? input.trainingId() : current.trainingId();
		LocalDate issuedOn = (input.issuedOn() != null) ? input.issuedOn() : current.issuedOn();
		if (trainingId != null && (input.trainingId() != null || input.issuedOn() != null)) {
			// name the field the caller changed: a new link to a later training, or a new
			// date before the training
			String changed = (input.issuedOn() != null) ? "input.issuedOn" : "input.trainingId";
			checkTraining(holder, trainingId, issuedOn,
					(input.trainingId() != null) ? "input.trainingId" : "input.issuedOn", changed);
		}
		this.certificates.update(current.id(),
				new Inputs.UpdateCertificateInput(current.id(), input.version(), Violations.strip(input.name()),
						input.kind(), input.issuedOn(), Violations.strip(input.number()), input.trainingId()));
		Certificate updated = this.certificates.selectById(current.id(), Scope.COUNTY);
		this.audit.record(caller, "updateCertificate", "Certificate", current.id(), current, updated);
		return updated;
	}

	/**
	 * The end of a new training: not before its start, and known and past for a completed
	 * one.
	 */
	private static void checkTrainingEnd(LocalDate start, LocalDate end, boolean completed, LocalDate today,
			Violations violations) {
		violations.notBefore(end, start, "input.endDate", "the start date (" + start + ")");
		if (completed && end == null) {
			violations.badRequest("input.endDate", "is required for a completed training");
		}
		else if (completed && end.isAfter(today)) {
			violations.badRequest("input.endDate", "is in the future, so the training cannot be completed yet");
		}
	}

	/**
	 * A certificate is linked only to a training of the same member, and issued once that
	 * training began.
	 */
	private void checkTraining(Holder holder, long trainingId, LocalDate issuedOn, String trainingField,
			String issuedField) {
		Training training = this.trainings.selectById(trainingId, Scope.COUNTY);
		if (training == null || training.memberId() != holder.id()) {
			throw DomainException.badRequest(trainingField, "is not one of the member's trainings");
		}
		new Violations()
			.notBefore(issuedOn, training.startDate(), issuedField,
					"the training started (" + training.startDate() + ")")
			.throwIfAny();
	}

	private Training lockTraining(Caller caller, Long id, Integer expectedVersion) {
		Training found = this.trainings.selectById(Violations.require(id, "input.id"), caller.scope());
		if (found == null) {
			throw DomainException.notFound("input.id", "training " + id);
		}
		this.holders.lock(caller, found.memberId(), "input.id");
		Training training = this.trainings.selectById(id, Scope.COUNTY);
		Violations.notStale(expectedVersion, training.version(), "training");
		return training;
	}

	private static CertificateFilter checked(CertificateFilter filter) {
		if (filter == null) {
			return CertificateFilter.NONE;
		}
		new Violations().notBefore(filter.issuedTo(), filter.issuedFrom(), "filter.issuedTo", "filter.issuedFrom")
			.throwIfAny();
		return filter;
	}

}
