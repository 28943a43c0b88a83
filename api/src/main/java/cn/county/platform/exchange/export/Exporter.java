package cn.county.platform.exchange.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.county.platform.common.DomainException;
import cn.county.platform.exchange.sheet.SheetFormat;
import cn.county.platform.exchange.sheet.SheetWriter;
import cn.county.platform.security.Caller;
import cn.county.platform.security.FieldAccess;
import cn.county.platform.security.FieldPolicy;
import cn.county.platform.security.PartnerAccess;
import cn.county.platform.security.Role;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Service;

/**
 * Writes a list of the API to a spreadsheet as its caller would page through it with
 * GraphQL: the export is a fixed GraphQL document per list, run page by page through the
 * {@code /graphql} pipeline ({@link GraphQlPages}), following {@code pageInfo.endCursor},
 * each page's rows written as it arrives, so memory stays flat however long the list is.
 * Nothing here decides what a caller may see: row scope, field policy, masks and refusals
 * are GraphQL's. The columns asked for are those whose fields {@link FieldPolicy} lets
 * the caller read (as {@code me.fieldAccess} reports them), so the document never asks
 * for a field GraphQL would refuse; what comes back, masked or not, is what is written. A
 * list GraphQL refuses whole is refused here whole ({@link ExportRefused}, before any
 * byte of the file).
 */
@Service
public class Exporter {

	private final GraphQlPages graphQl;

	private final GraphQlSource source;

	private final FieldPolicy policy;

	private final PartnerAccess partners;

	private final ExportProperties properties;

	Exporter(GraphQlPages graphQl, GraphQlSource source, FieldPolicy policy, PartnerAccess partners,
			ExportProperties properties) {
		this.graphQl = graphQl;
		this.source = source;
		this.policy = policy;
		this.partners = partners;
		this.properties = properties;
	}

	/**
	 * Where the file goes once the first page is in: opened then, so a refusal is still
	 * an HTTP error.
	 */
	public interface Target {

		OutputStream open(ExportList list, SheetFormat format) throws IOException;

	}

	/**
	 * Writes the export; answers the number of data rows written (the header not
	 * counted). Refusals before the first byte throw {@link ExportRefused}; a failure
	 * after it throws {@link ExportFailed} with the rows so far in {@link #rowsWritten}.
	 */
	public long export(Caller caller, ExportList list, SheetFormat format, Map<String, Object> params,
			HttpServletRequest request, Target target, long[] rowsWritten) throws IOException {
		Set<String> approved = caller.has(Role.PARTNER) ? this.partners.approvedFields(caller.partnerId()) : Set.of();
		Map<String, Object> variables = variables(list, params);
		GraphQLSchema schema = this.source.schema();
		Pages pages;
		List<Column> columns;
		if (list.isDashboard()) {
			columns = list.columns();
			pages = new DashboardPages(this.graphQl, request, caller, variables, Selection.of(columns).text());
		}
		else {
			GraphQLObjectType node = nodeType(schema, list.field());
			columns = list.columns()
				.stream()
				.filter((column) -> column.alternatives()
					.stream()
					.allMatch((segments) -> readable(caller, approved, node, segments)))
				.toList();
			pages = new ConnectionPages(this.graphQl, request, list, document(schema, list, variables, columns),
					variables, this.properties.pageSize());
		}
		List<Map<String, Object>> page = pages.next();
		if (columns.isEmpty()) {
			throw new ExportRefused(403, "FORBIDDEN", null,
					"无权导出“" + list.title() + "”：调用方不能读取该列表的任何字段（the caller may read no field of this list）");
		}
		try (OutputStream out = target.open(list, format);
				SheetWriter sheet = SheetWriter.open(format, out, list.title())) {
			sheet.row(columns.stream().map(Column::header).toList());
			long rows = 0;
			while (page != null) {
				for (Map<String, Object> node : page) {
					for (List<Object> row : rows(list, columns, node)) {
						sheet.row(row);
						rows++;
					}
				}
				rowsWritten[0] = rows;
				page = pages.next();
			}
			return rows;
		}
	}

	/**
	 * The variables the parameters fill, with the list's fixed ones; an unknown parameter
	 * is refused by name.
	 */
	static Map<String, Object> variables(ExportList list, Map<String, Object> params) {
		Map<String, Object> variables = new LinkedHashMap<>();
		list.fixed().forEach((name, value) -> put(variables, name, value));
		params.forEach((name, given) -> {
			Param param = list.param(name);
			if (param == null) {
				throw DomainException.badRequest(name, "不是“" + list.title() + "”的导出参数（not a parameter of this export; "
						+ "these are: " + list.params().stream().map(Param::name).toList() + "）");
			}
			Object value = param.value(given);
			if (value != null && !"".equals(value)) {
				put(variables, param.variable(), value);
			}
		});
		return variables;
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> variables, String path, Object value) {
		int dot = path.indexOf('.');
		if (dot < 0) {
			variables.put(path, value);
			return;
		}
		Map<String, Object> inner = (Map<String, Object>) variables.computeIfAbsent(path.substring(0, dot),
				(key) -> new LinkedHashMap<>());
		put(inner, path.substring(dot + 1), value);
	}

	/** The type of a connection's nodes. */
	static GraphQLObjectType nodeType(GraphQLSchema schema, String field) {
		GraphQLType connection = GraphQLTypeUtil.unwrapAll(schema.getQueryType().getFieldDefinition(field).getType());
		GraphQLType edge = GraphQLTypeUtil
			.unwrapAll(((GraphQLObjectType) connection).getFieldDefinition("edges").getType());
		return (GraphQLObjectType) GraphQLTypeUtil
			.unwrapAll(((GraphQLObjectType) edge).getFieldDefinition("node").getType());
	}

	/**
	 * Whether the field policy lets the caller read every field along a column's path, as
	 * {@code PolicyDataFetcher} decides it: each field of a household-level type by its
	 * rule, and a field that leads to household-level objects only for a caller who reads
	 * some field of them.
	 */
	boolean readable(Caller caller, Set<String> approved, GraphQLObjectType node, List<String> segments) {
		GraphQLType type = node;
		for (String segment : segments) {
			int bracket = segment.indexOf('[');
			String name = (bracket >= 0) ? segment.substring(0, bracket) : segment;
			if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType object)) {
				return false;
			}
			GraphQLFieldDefinition field = object.getFieldDefinition(name);
			if (field == null) {
				throw new IllegalStateException(
						"Export column " + segments + " names no field " + name + " of " + object.getName());
			}
			if (this.policy.isPersonal(object.getName())
					&& this.policy.decide(caller, object.getName(), name, approved) == FieldAccess.FORBIDDEN) {
				return false;
			}
			type = field.getType();
			if (GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLObjectType target
					&& this.policy.isPersonal(target.getName())
					&& !this.policy.readsAnyField(caller, target.getName(), approved)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The list's document: its variables as the schema declares the arguments, the
	 * columns' selection.
	 */
	static String document(GraphQLSchema schema, ExportList list, Map<String, Object> variables, List<Column> columns) {
		GraphQLFieldDefinition field = schema.getQueryType().getFieldDefinition(list.field());
		List<String> declarations = new ArrayList<>();
		List<String> arguments = new ArrayList<>();
		for (String name : variables.keySet()) {
			GraphQLArgument argument = field.getArgument(name);
			declarations.add("$" + name + ": " + GraphQLTypeUtil.simplePrint(argument.getType()));
			arguments.add(name + ": $" + name);
		}
		declarations.add("$first: Int");
		declarations.add("$after: String");
		arguments.add("first: $first");
		arguments.add("after: $after");
		return "query " + operation(list) + "(" + String.join(", ", declarations) + ") { " + list.field() + "("
				+ String.join(", ", arguments) + ") { edges { node { " + Selection.of(columns).text()
				+ " } } pageInfo { hasNextPage endCursor } } }";
	}

	static String operation(ExportList list) {
		return "export_" + list.name().replace('-', '_');
	}

	/**
	 * A node's rows: one, or one per element of the list's {@code expand} field (a
	 * household's members).
	 */
	@SuppressWarnings("unchecked")
	static List<List<Object>> rows(ExportList list, List<Column> columns, Map<String, Object> node) {
		String expand = list.expand();
		List<Object> elements = null;
		if (expand != null && columns.stream().anyMatch((column) -> column.path().startsWith(expand + "."))
				&& node.get(expand) instanceof List<?> values && !values.isEmpty()) {
			elements = (List<Object>) values;
		}
		List<List<Object>> rows = new ArrayList<>((elements != null) ? elements.size() : 1);
		for (int i = 0; i < ((elements != null) ? elements.size() : 1); i++) {
			Object element = (elements != null) ? elements.get(i) : null;
			List<Object> row = new ArrayList<>(columns.size());
			for (Column column : columns) {
				Object value = null;
				for (List<String> segments : column.alternatives()) {
					if (expand != null && segments.size() > 1 && segments.get(0).equals(expand)) {
						value = value(element, segments.subList(1, segments.size()));
					}
					else {
						value = value(node, segments);
					}
					if (value != null) {
						break;
					}
				}
				row.add(column.cell(value));
			}
			rows.add(row);
		}
		return rows;
	}

	/**
	 * The value at a path in GraphQL's answer; null where anything on the way is null.
	 */
	static Object value(Object at, List<String> segments) {
		Object value = at;
		for (String segment : segments) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			int bracket = segment.indexOf('[');
			if (bracket < 0) {
				value = map.get(segment);
				continue;
			}
			String key = segment.substring(bracket + 1, segment.length() - 1);
			value = null;
			if (map.get(segment.substring(0, bracket)) instanceof List<?> figures) {
				for (Object figure : figures) {
					if (figure instanceof Map<?, ?> entry && key.equals(entry.get("key"))) {
						value = entry;
						break;
					}
				}
			}
		}
		return value;
	}

	/** The pages of an export, one GraphQL answer each. */
	interface Pages {

		/** The next page's nodes, or null when there is none. */
		List<Map<String, Object>> next();

	}

	/**
	 * Checks a page's answer. A refusal of the list itself (an error at the query field,
	 * or no data there) refuses the export on its first page and fails it on a later one;
	 * a field refused below it (FORBIDDEN, its value null) is what the same caller's
	 * query gets too, and is written as an empty cell.
	 */
	static void check(GraphQlPages.Answer answer, String field, String title, boolean first) {
		ResponseError refusal = null;
		for (ResponseError error : answer.errors()) {
			boolean atRoot = error.getParsedPath().size() <= 1;
			if (atRoot || !"FORBIDDEN".equals(classification(error))) {
				refusal = error;
				break;
			}
		}
		if (refusal == null && answer.at(field) != null) {
			return;
		}
		String message = (refusal != null) ? refusal.getMessage() : "no data";
		if (!first) {
			throw new ExportFailed(message);
		}
		String classification = (refusal != null) ? classification(refusal) : "FORBIDDEN";
		Object fieldName = (refusal != null) ? refusal.getExtensions().get("field") : null;
		int status = switch (classification) {
			case "FORBIDDEN" -> 403;
			case "NOT_FOUND" -> 404;
			case "UNAUTHORIZED" -> 401;
			case "UNAVAILABLE" -> 503;
			case "INTERNAL_ERROR" -> 500;
			default -> 400;
		};
		String reason = switch (status) {
			case 403 -> "无权导出“" + title + "”：";
			case 404 -> "导出参数所指的对象不存在：";
			case 503 -> "暂时无法导出，请稍后再试：";
			case 500 -> "导出失败：";
			default -> "导出参数有误：";
		};
		throw new ExportRefused(status, classification, (fieldName != null) ? fieldName.toString() : null,
				reason + message);
	}

	static String classification(ResponseError error) {
		Object classification = error.getExtensions().get("classification");
		if (classification != null) {
			return classification.toString();
		}
		return error.getErrorType().toString();
	}

	/**
	 * A connection's pages, following {@code pageInfo.endCursor} while
	 * {@code hasNextPage}.
	 */
	static final class ConnectionPages implements Pages {

		private final GraphQlPages graphQl;

		private final HttpServletRequest request;

		private final ExportList list;

		private final String document;

		private final Map<String, Object> variables;

		private boolean first = true;

		private boolean done;

		ConnectionPages(GraphQlPages graphQl, HttpServletRequest request, ExportList list, String document,
				Map<String, Object> variables, int pageSize) {
			this.graphQl = graphQl;
			this.request = request;
			this.list = list;
			this.document = document;
			this.variables = new LinkedHashMap<>(variables);
			this.variables.put("first", pageSize);
			this.variables.put("after", null);
		}

		@Override
		@SuppressWarnings("unchecked")
		public List<Map<String, Object>> next() {
			if (this.done) {
				return null;
			}
			GraphQlPages.Answer answer = this.graphQl.execute(this.request, this.document, operation(this.list),
					this.variables);
			check(answer, this.list.field(), this.list.title(), this.first);
			this.first = false;
			Map<String, Object> connection = (Map<String, Object>) answer.at(this.list.field());
			Map<String, Object> info = (Map<String, Object>) connection.get("pageInfo");
			Object end = info.get("endCursor");
			this.done = !Boolean.TRUE.equals(info.get("hasNextPage")) || end == null;
			this.variables.put("after", end);
			List<Map<String, Object>> nodes = new ArrayList<>();
			for (Object edge : (List<Object>) connection.get("edges")) {
				Object node = ((Map<String, Object>) edge).get("node");
				if (node instanceof Map<?, ?> map) {
					nodes.add((Map<String, Object>) map);
				}
			}
			return nodes;
		}

	}

}
