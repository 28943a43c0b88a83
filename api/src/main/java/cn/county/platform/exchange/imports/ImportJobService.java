package cn.county.platform.exchange.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import cn.county.platform.common.DomainException;
import cn.county.platform.common.ErrorClassification;
import cn.county.platform.common.IdGenerator;
import cn.county.platform.common.Violation;
import cn.county.platform.exchange.sheet.SheetException;
import cn.county.platform.exchange.sheet.SheetReader;
import cn.county.platform.exchange.sheet.SheetReaderLimits;
import cn.county.platform.security.Caller;
import cn.county.platform.security.CallerAuthentication;
import cn.county.platform.security.FieldPolicy;
import cn.county.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Runs uploads as jobs. The request checks what it can at once (who may upload the kind,
 * that the file is a spreadsheet of a known format with the required columns) and answers
 * with the queued job; a worker of the bounded import pool then reads the whole file once
 * to refuse a damaged one (a formula, a zip bomb) before writing anything, and reads it
 * again to apply it, writing its progress as it goes. A job whose worker stopped (a
 * restart) stops beating and is marked FAILED with what it had applied.
 */
@Service
public class ImportJobService {

	private static final Logger log = LoggerFactory.getLogger(ImportJobService.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<ImportKind, Importer> importers = new EnumMap<>(ImportKind.class);

	private final ImportJobMapper jobs;

	private final IdGenerator ids;

	private final FieldPolicy policy;

	private final ImportProperties properties;

	private final ThreadPoolTaskExecutor executor;

	/** The jobs this instance holds (queued or running): it keeps their heartbeat. */
	private final Set<Long> live = ConcurrentHashMap.newKeySet();

	ImportJobService(List<Importer> importers, ImportJobMapper jobs, IdGenerator ids, FieldPolicy policy,
			ImportProperties properties, @Qualifier("importExecutor") ThreadPoolTaskExecutor executor) {
		importers.forEach((importer) -> this.importers.put(importer.kind(), importer));
		this.jobs = jobs;
		this.ids = ids;
		this.policy = policy;
		this.properties = properties;
		this.executor = executor;
	}

	private SheetReaderLimits limits() {
		return new SheetReaderLimits(this.properties.minInflateRatio(), this.properties.maxEntryBytes());
	}

	/** Checks and queues an upload; answers with the job, QUEUED. */
	public ImportJob start(Caller caller, ImportKind kind, MultipartFile file, boolean dryRun) {
		Importer importer = this.importers.get(kind);
		if (importer == null) {
			throw DomainException.notFound("kind", "import kind " + kind.path());
		}
		importer.authorize(caller);
		if (file == null || file.isEmpty()) {
			throw DomainException.badRequest("file", "上传的文件为空（the upload is empty）");
		}
		String fileName = (file.getOriginalFilename() != null)
				? Path.of(file.getOriginalFilename()).getFileName().toString() : "upload";
		Path temp = null;
		try {
			temp = Files.createTempFile("import-", ".upload");
			file.transferTo(temp);
			String sha256 = sha256(temp);
			SheetReader reader = SheetReader.open(temp, fileName, limits());
			Header header = readHeader(reader, importer);
			ImportJob job = new ImportJob(this.ids.nextId(), kind, ImportStatus.QUEUED, dryRun, truncate(fileName, 200),
					(reader.charset() == null) ? "XLSX" : "CSV", sha256, Files.size(temp), caller.username(),
					caller.subject(), 0, 0, 0, 0, 0, 0, null, JSON.writeValueAsString(header.cells()), null, null,
					null);
			this.jobs.insert(job);
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			Path upload = temp;
			this.live.add(job.id());
			try {
				this.executor.execute(() -> run(job, importer, reader, upload, authentication));
			}
			catch (RejectedExecutionException ex) {
				this.live.remove(job.id());
				this.jobs.finish(job.id(), ImportStatus.FAILED, "导入队列已满，请稍后再试（too many imports queued）");
				throw new DomainException(new Violation("file",
						"导入队列已满，请稍后再试（too many imports queued: try again later）", ErrorClassification.UNAVAILABLE));
			}
			temp = null;
			return this.jobs.selectById(job.id());
		}
		catch (SheetException ex) {
			throw DomainException.badRequest("file", ex.getMessage());
		}
		catch (IOException ex) {
			throw DomainException.badRequest("file", "文件无法读取（the upload cannot be read）");
		}
		finally {
			delete(temp);
		}
	}

	private Header readHeader(SheetReader reader, Importer importer) throws SheetException {
		Header[] header = new Header[1];
		SheetException[] problem = new SheetException[1];
		reader.read((row) -> {
			try {
				header[0] = Header.of(row, importer.columns(), importer.configuredHeaders());
			}
			catch (SheetException ex) {
				problem[0] = ex;
			}
			throw new SheetReader.StopReading();
		});
		if (problem[0] != null) {
			throw problem[0];
		}
		if (header[0] == null) {
			throw new SheetException("文件中没有数据（the file holds no rows）");
		}
		return header[0];
	}

	private void run(ImportJob job, Importer importer, SheetReader reader, Path file, Authentication authentication) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		ImportRun[] run = new ImportRun[1];
		try {
			if (this.jobs.markRunning(job.id()) == 0) {
				return;
			}
			Caller caller = ((CallerAuthentication) authentication).caller();
			// the whole file must be readable before anything is written: a formula or a
			// damaged part at the end
			// refuses the file, not half of it
			int[] rows = new int[1];
			reader.read((row) -> {
				if (++rows[0] % 50_000 == 0) {
					this.jobs.updateProgress(job.id(), 0, 0, 0, 0, 0, 0);
				}
			});
			Importer.Sink[] sink = new Importer.Sink[1];
			reader.read((row) -> {
				if (run[0] == null) {
					Header header = Header.of(row, importer.columns(), importer.configuredHeaders());
					run[0] = new ImportRun(job, caller, header, this.policy, this.jobs,
							this.properties.maxStoredRefusals());
					sink[0] = importer.open(run[0]);
					return;
				}
				run[0].read();
				sink[0].row(row);
			});
			if (sink[0] != null) {
				sink[0].end();
			}
			if (run[0] != null) {
				run[0].progress();
			}
			this.jobs.finish(job.id(), ImportStatus.SUCCEEDED, null);
		}
		catch (SheetException ex) {
			failed(job, run[0], ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Import job {} stopped", job.id(), ex);
			failed(job, run[0], "导入中断（the import stopped）: " + ex.getClass().getSimpleName());
		}
		finally {
			this.live.remove(job.id());
			SecurityContextHolder.clearContext();
			delete(file);
		}
	}

	private void failed(ImportJob job, ImportRun run, String message) {
		String error = message;
		if (run != null) {
			try {
				run.progress();
			}
			catch (RuntimeException ex) {
				log.warn("Could not write the progress of import job {}", job.id(), ex);
			}
			if (!job.dryRun()) {
				error = message + "；已写入 " + run.rowsApplied() + " 行（" + run.rowsApplied()
						+ " rows applied before it stopped）";
			}
		}
		this.jobs.finish(job.id(), ImportStatus.FAILED, truncate(error, 1000));
	}

	/** A job the caller may see: its own, or any for a county admin; null otherwise. */
	public ImportJob job(Caller caller, long id) {
		ImportJob job = this.jobs.selectById(id);
		return (job != null && mayRead(caller, job)) ? job : null;
	}

	public List<ImportJob> recent(Caller caller, Integer last) {
		int limit = Math.max(1, Math.min((last != null) ? last : 20, 100));
		return this.jobs.selectRecent(caller.has(Role.COUNTY_ADMIN) ? null : caller.subject(), limit);
	}

	public List<ImportRefusal> refusals(ImportJob job, Integer first) {
		return this.jobs.selectRefusals(job.id(), Math.max(0, Math.min((first != null) ? first : 100, 1000)));
	}

	/** All stored refusals of a job, for its report. */
	public List<ImportRefusal> allRefusals(ImportJob job) {
		return this.jobs.selectRefusals(job.id(), this.properties.maxStoredRefusals());
	}

	private static boolean mayRead(Caller caller, ImportJob job) {
		return caller.has(Role.COUNTY_ADMIN) || job.createdBySubject().equals(caller.subject());
	}

	/**
	 * Beats for this instance's jobs and fails those nobody beats for any more: their
	 * runner was stopped (a restart, a crash). Runs at start-up and every minute; the SQL
	 * is idempotent, so instances need no lock. When no job is open anywhere, it only
	 * reads.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelayString = "${platform.exchange.imports.sweep-every:60s}",
			initialDelayString = "${platform.exchange.imports.sweep-every:60s}")
	public int sweep() {
		for (Long id : this.live) {
			this.jobs.updateHeartbeat(id);
		}
		if (this.live.isEmpty() && !this.jobs.anyOpen()) {
			// idle: one indexed read, no write
			return 0;
		}
		return this.jobs.failAbandoned(this.properties.abandonedAfter().toSeconds(), "导入在运行中被中断（cut off by a restart）");
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[65536];
			int read;
			while ((read = in.read(buffer)) > 0) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void delete(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete {}", file, ex);
			}
		}
	}

	private static String truncate(String text, int max) {
		return (text != null && text.length() > max) ? text.substring(0, max) : text;
	}

}
