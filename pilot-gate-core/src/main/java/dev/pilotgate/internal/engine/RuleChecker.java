package dev.pilotgate.internal.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.pilotgate.ruleset.RuleProblem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Checks a rule set's {@code .drl} files, before Drools compiles them, against an allowlist of
 * the Java a rule may use: rules are code, and a {@code .drl} could otherwise call anything.
 *
 * <p>Works on the parsed rules, not on their text: Drools' own parser gives the package
 * (imports, globals, declared types, functions, rules and queries with their conditions and
 * consequences); the Java inside (function bodies, consequences, constraint, {@code from},
 * {@code eval} and {@code accumulate} expressions, dynamic attributes) is parsed with
 * JavaParser, and every type it names — in an import, a declaration, a cast, a {@code new}, a
 * static call, or a fully qualified name written inline such as {@code java.lang.System.exit(0)}
 * — must be one the allowlist names. Reflection is refused wherever it starts: {@code X.class},
 * {@code getClass()}, {@code getClassLoader()}, {@code Class.forName}, {@code MethodHandles} and
 * the like. Java that cannot be parsed cannot be checked, and is refused too.
 *
 * <p>Allowed: the domain model ({@code dev.pilotgate.model}, {@code dev.pilotgate.decision},
 * the derived facts in {@code dev.pilotgate.facts}, the policy in {@code dev.pilotgate.policy}),
 * types the rule set declares itself, the basics of {@code java.lang} ({@link #JAVA_LANG}),
 * {@code java.util} (without {@code concurrent}, {@code logging}, {@code prefs}, {@code jar},
 * {@code zip}, {@code spi} and {@link #DENIED_CLASSES}), {@code java.time} and {@code java.math}.
 * On Drools' {@code drools} and {@code kcontext}: {@link #KNOWLEDGE_HELPER}.
 *
 * <p>This is a check of what the rules say, not a sandbox: see docs/security.md.
 * Stateless; each call builds its own parsers.
 */
public final class RuleChecker {
  /** The classes of {@code java.lang} a rule may use; the rest (System, Runtime, Thread, Class, ...) it may not. */
  static final Set<String> JAVA_LANG = Set.of(
      "Object", "String", "StringBuilder", "CharSequence", "Character", "Boolean", "Byte", "Short", "Integer",
      "Long", "Float", "Double", "Number", "Math", "StrictMath", "Comparable", "Iterable", "Enum", "Record",
      "Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException", "ArithmeticException",
      "NullPointerException", "IndexOutOfBoundsException", "NumberFormatException", "UnsupportedOperationException",
      "ClassCastException", "Override", "SuppressWarnings", "Deprecated", "FunctionalInterface", "SafeVarargs");

  /** Packages whose classes a rule may use (subpackages not included unless listed). */
  static final Set<String> PACKAGES = Set.of(
      "dev.pilotgate.model", "dev.pilotgate.decision", "dev.pilotgate.facts", "dev.pilotgate.policy",
      "java.util", "java.util.function", "java.util.stream",
      "java.time", "java.time.format", "java.time.temporal", "java.time.chrono", "java.math");

  /** Classes of allowed packages that reach outside the rule: threads, files, class loading. */
  static final Set<String> DENIED_CLASSES = Set.of(
      "java.util.ServiceLoader", "java.util.ResourceBundle", "java.util.Timer", "java.util.TimerTask",
      "java.util.Formatter", "java.util.Scanner", "java.util.Properties");

  /** Methods that start reflection or class loading on any object, refused by name. */
  static final Set<String> REFLECTIVE_METHODS = Set.of(
      "getClass", "getClassLoader", "getContextClassLoader", "getSystemClassLoader", "getPlatformClassLoader",
      "forName", "loadClass", "defineClass", "getDeclaringClass", "getEnclosingClass", "getSuperclass",
      "getInterfaces", "getComponentType", "newInstance", "getMethod", "getMethods", "getDeclaredMethod",
      "getDeclaredMethods", "getField", "getFields", "getDeclaredField", "getDeclaredFields", "getConstructor",
      "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "invoke", "invokeExact",
      "invokeWithArguments", "setAccessible", "trySetAccessible", "lookup", "privateLookupIn", "getModule",
      "getProtectionDomain", "getResource", "getResourceAsStream");

  /** Methods of allowed types that reach threads, JVM-wide state or unbounded work, refused by name. */
  static final Set<String> DENIED_METHODS = Set.of(
      "wait", "notify", "notifyAll", "setDefault", "parallel", "parallelStream", "generate", "iterate", "finalize",
      // regular expressions can backtrack for longer than any time limit can interrupt; a size
      // from data can make one call loop or allocate without bound
      "matches", "replaceAll", "replaceFirst", "split", "compile", "repeat", "range", "rangeClosed", "nCopies",
      // one call compares every element of one list with every element of another
      "containsAll", "removeAll", "retainAll", "disjoint", "indexOfSubList", "lastIndexOfSubList");

  /** DRL operators a constraint may not use: {@code matches} runs a regular expression (see {@link #DENIED_METHODS}). */
  static final Set<String> DENIED_OPERATORS = Set.of("matches", "not matches", "soundslike", "not soundslike");

  /**
   * What a rule may call on Drools' {@code drools} (KnowledgeHelper) and {@code kcontext}
   * (RuleContext): working-memory changes of its own facts, and the rule's name
   * ({@code drools.getRule().getName()}, nothing else of the rule, whose implementation has setters).
   */
  static final Set<String> KNOWLEDGE_HELPER = Set.of(
      "getRule", "insert", "insertLogical", "update", "modify", "delete", "retract");

  /** Rule attributes a rule may set, each to a literal. */
  static final Set<String> ATTRIBUTES = Set.of(
      "salience", "no-loop", "lock-on-active", "auto-focus", "agenda-group", "activation-group", "ruleflow-group",
      "enabled", "dialect");

  /** The accumulate functions a rule may use: Drools' built-in ones. */
  static final Set<String> ACCUMULATE_FUNCTIONS = Set.of(
      "count", "sum", "min", "max", "average", "collectList", "collectSet", "countDistinct");

  /** Where a Drools parser message says its line, when the error does not. */
  private static final Pattern PARSER_LINE = Pattern.compile("Line (\\d+):");

  /** Marks a refused operator among a constraint's atoms (no Java expression starts with it). */
  private static final String OPERATOR_MARK = "#operator:";

  /**
   * Most groups ({@code not}, {@code exists}, {@code forall}, {@code accumulate}, {@code collect}) over
   * facts there can be many of in one rule: Drools evaluates a rule's conditions in one step.
   */
  static final int MAX_GROUPS = 4;

  /** An array may be created with a literal size up to this. */
  static final int MAX_ARRAY_LITERAL = 1000;

  /** For messages: what is allowed. */
  static final String ALLOWED = "allowed: the model and facts (dev.pilotgate.model, dev.pilotgate.decision, "
      + "dev.pilotgate.facts, dev.pilotgate.policy), types declared in the rules, java.lang basics "
      + "(String, StringBuilder, Math, Integer, Long, Double, Boolean, ... and common exceptions), java.util, "
      + "java.time, java.math";

  /** The global through which rules read the policy. */
  private static final String POLICY = CompiledRuleSet.POLICY_GLOBAL;

  private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "dev",
      "io", "kotlin", "scala", "groovy", "lombok", "mvel", "ognl");

  private final ClassLoader loader;
  private final Map<String, Optional<Class<?>>> classes = new HashMap<>();
  private final JavaParser java = new JavaParser(
      new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
  private final DrlExprParser exprParser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);

  private RuleChecker(ClassLoader loader) {
    this.loader = loader;
  }

  /** Every use of something not allowed in {@code source}'s rule files, each with file and line; empty when none. */
  public static List<RuleProblem> check(RuleSource source) {
    return inspect(source).problems();
  }

  /** A policy key a rule reads ({@code policy.get("key")} or {@code policy.getInt("key")}), where it is read. */
  public record PolicyUse(String key, String file, int line) {}

  /** What the checker found: the refused uses, and every policy key the rules read. */
  public record Result(List<RuleProblem> problems, List<PolicyUse> policyKeys, List<FindingCall> findingCalls) {}

  /** A {@code findings.add("CODE", "name", value, ...)} call: the code and the evidence names it binds. */
  public record FindingCall(String code, List<String> names, String file, int line) {}

  /** Checks {@code source}'s rule files and collects the policy keys they read. */
  public static Result inspect(RuleSource source) {
    RuleChecker checker = new RuleChecker(RuleChecker.class.getClassLoader());
    List<RuleProblem> problems = checker.checkAll(source);
    return new Result(problems, List.copyOf(checker.policyUses), List.copyOf(checker.findingCalls));
  }

  private final List<PolicyUse> policyUses = new ArrayList<>();
  private final List<FindingCall> findingCalls = new ArrayList<>();

  private List<RuleProblem> checkAll(RuleSource source) {
    Map<RuleFile, PackageDescr> parsed = new java.util.LinkedHashMap<>();
    Set<String> declared = new HashSet<>();
    List<RuleProblem> problems = new ArrayList<>();
    for (RuleFile file : source.drlFiles()) {
      // Java turns a unicode escape into its character before it compiles anything, even inside a
      // comment: a file with one means something else to the compiler than to this checker
      int escape = unicodeEscapeLine(file.text());
      if (escape > 0) {
        problems.add(new RuleProblem(file.display(), escape, "has a unicode escape (\\u followed by four hex digits):"
            + " not allowed in rules, since Java reads it as the character it stands for, even in a comment or a"
            + " string; write the character itself"));
        continue;
      }
      PackageDescr pkg = parse(file, problems);
      if (pkg != null) {
        parsed.put(file, pkg);
        for (AbstractClassTypeDeclarationDescr t : pkg.getClassAndEnumDeclarationDescrs()) {
          declared.add(t.getTypeName());
          declared.add(t.getFullTypeName());
        }
      }
    }
    parsed.forEach((file, pkg) -> {
      try {
        problems.addAll(new FileCheck(file, pkg, declared).run());
      } catch (RuntimeException | StackOverflowError e) {
        // what the checker cannot read it cannot allow; its own failure is not the author's stack trace
        problems.add(new RuleProblem(file.display(), 0, "cannot be checked: the rule checker failed on it ("
            + e.getClass().getSimpleName() + "), so it is not allowed; simplify the file, and report this"));
      }
    });
    return problems;
  }

  /** The line of the first unicode escape Java would translate (a backslash not itself escaped, then u...u and 4 hex digits), or 0. */
  static int unicodeEscapeLine(String text) {
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == '\\') {
        int backslashes = 1;
        while (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
          backslashes++;
          i++;
        }
        if (backslashes % 2 == 1 && i + 1 < text.length() && text.charAt(i + 1) == 'u') {
          return line;
        }
      }
    }
    return 0;
  }

  /**
   * The file's package, or {@code null} when Drools cannot parse it: then its parse errors are the
   * file's problems (nothing of it reaches the compiler), each cut to its first sentence, since
   * Drools puts whole stack traces into some of them.
   */
  private static PackageDescr parse(RuleFile file, List<RuleProblem> problems) {
    try {
      DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
      PackageDescr pkg = parser.parse(false, new StringReader(file.text()));
      if (!parser.hasErrors()) {
        return pkg;
      }
      Set<String> seen = new HashSet<>();
      for (org.drools.drl.parser.DroolsError e : parser.getErrors()) {
        int[] at = e.getLines();
        int line = at != null && at.length > 0 ? Math.max(at[0], 0) : 0;
        Matcher written = PARSER_LINE.matcher(String.valueOf(e.getMessage()));
        if (line == 0 && written.find()) {
          line = Integer.parseInt(written.group(1));
        }
        String message = "cannot be parsed: " + firstSentence(e.getMessage());
        if (seen.add(line + message) && seen.size() <= 5) {
          problems.add(new RuleProblem(file.display(), line, message));
        }
      }
      return null;
    } catch (DroolsParserException | RuntimeException e) {
      problems.add(new RuleProblem(file.display(), 0, "cannot be parsed: the parser failed ("
          + e.getClass().getSimpleName() + "): " + firstSentence(String.valueOf(e.getMessage()))));
      return null;
    }
  }

  /** The start of a parser message, before any exception or stack trace it carries. */
  static String firstSentence(String message) {
    String m = message == null ? "" : message.strip();
    for (String cut : new String[] {" Exception: ", " Stack trace:", "\n", "\tat "}) {
      int i = m.indexOf(cut);
      if (i > 0) {
        m = m.substring(0, i);
      }
    }
    return m.strip();
  }

  private Optional<Class<?>> load(String name) {
    return classes.computeIfAbsent(name, n -> {
      try {
        return Optional.of(Class.forName(n, false, loader)); // no static initializer runs
      } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
        return Optional.empty();
      }
    });
  }

  /** Whether a rule may use {@code type}. */
  static boolean allowed(Class<?> type) {
    while (type.isArray()) {
      type = type.getComponentType();
    }
    if (type.isPrimitive()) {
      return true;
    }
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    String name = top.getName();
    String pkg = top.getPackageName();
    if (DENIED_CLASSES.contains(name)) {
      return false;
    }
    if (pkg.equals("java.lang")) {
      return JAVA_LANG.contains(top.getSimpleName());
    }
    return PACKAGES.contains(pkg);
  }

  /** The checks of one file, with its imports and the rule set's declared types. */
  private final class FileCheck {
    private final RuleFile file;
    private final PackageDescr pkg;
    private final Set<String> declared;
    private final Map<String, String> imports = new HashMap<>();
    private final List<String> wildcards = new ArrayList<>();
    private final Set<String> functions = new HashSet<>();
    /** For each function whose body parsed, the rule set's functions it calls (read once, by {@link #function}). */
    private final Map<String, Set<String>> calls = new HashMap<>();
    private final Set<String> reported = new LinkedHashSet<>();
    /** The rule being checked: its conditions, and how many groups in them test many facts. */
    private BaseDescr currentLhs;
    private int groups;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final String[] lines;

    FileCheck(RuleFile file, PackageDescr pkg, Set<String> declared) {
      this.file = file;
      this.lines = file.text().split("\\R", -1);
      this.pkg = pkg;
      this.declared = declared;
    }

    List<RuleProblem> run() {
      for (ImportDescr i : pkg.getImports()) {
        String target = i.getTarget().strip();
        if (target.endsWith(".*")) {
          String p = target.substring(0, target.length() - 2);
          wildcards.add(p);
          if (!PACKAGES.contains(p) && !load(p).isPresent()) {
            refuse(i.getLine(), "imports " + target);
          } else if (load(p).isPresent()) {
            checkClass(i.getLine(), p, load(p).get()); // import of a class's nested types
          }
        } else {
          imports.put(target.substring(target.lastIndexOf('.') + 1), target);
          checkQualified(i.getLine(), target, true);
        }
      }
      if (!pkg.getFunctionImports().isEmpty()) {
        refuse(pkg.getFunctionImports().get(0).getLine(), "imports a function (import function): not allowed in"
            + " rules; write the function in the rule file");
      }
      if (!pkg.getAccumulateImports().isEmpty()) {
        refuse(pkg.getAccumulateImports().get(0).getLine(), "imports an accumulate function (import accumulate):"
            + " not allowed in rules; use " + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
      }
      pkg.getEntryPointDeclarations().forEach(e -> unknown(e.getLine(), "declares an entry point"));
      pkg.getWindowDeclarations().forEach(w -> unknown(w.getLine(), "declares a window"));
      pkg.getEnumDeclarations().forEach(e -> unknown(e.getLine(), "declares an enum (" + e.getTypeName() + ")"));
      if (pkg.getUnit() != null) {
        unknown(pkg.getUnit().getLine(), "declares a rule unit");
      }
      for (AttributeDescr a : pkg.getAttributes()) {
        attribute(a, a.getLine());
      }
      for (GlobalDescr g : pkg.getGlobals()) {
        checkTypeName(g.getLine(), g.getType());
      }
      for (AbstractClassTypeDeclarationDescr t : pkg.getTypeDeclarations()) {
        declaration(t);
      }
      for (FunctionDescr f : pkg.getFunctions()) {
        functions.add(f.getName());
      }
      for (FunctionDescr f : pkg.getFunctions()) {
        function(f);
      }
      recursion();
      for (RuleDescr r : pkg.getRules()) {
        rule(r);
      }
      return problems;
    }

    /** A declared type: a name of its own, no supertype, fields of allowed types with literal defaults, no annotations. */
    private void declaration(AbstractClassTypeDeclarationDescr t) {
      String name = t.getTypeName();
      Optional<Class<?>> shadowed = load("java.lang." + name).or(() -> imports.containsKey(name)
          ? load(imports.get(name)) : Optional.empty());
      for (String p : List.of("dev.pilotgate.model", "dev.pilotgate.decision", "dev.pilotgate.facts",
          "dev.pilotgate.policy")) {
        shadowed = shadowed.or(() -> load(p + "." + name));
      }
      if (shadowed.isPresent()) {
        refuse(t.getLine(), "declares a type named " + name + ", which hides " + shadowed.get().getName()
            + ": not allowed in rules; give it a name of its own");
      }
      if (t.getSuperTypeName() != null && !"Object".equals(t.getSuperTypeName())
          && !"java.lang.Object".equals(t.getSuperTypeName())) {
        refuse(t.getLine(), "declares " + name + " extending " + t.getSuperTypeName() + ": not allowed in rules;"
            + " a declared type holds fields only");
      }
      annotations(t, t.getLine(), "declared type " + name, false);
      for (TypeFieldDescr f : t.getFields().values()) {
        int line = f.getLine() > 0 ? f.getLine() : t.getLine();
        if (f.getPattern() != null) {
          checkTypeName(line, f.getPattern().getObjectType());
        }
        if (f.getInitExpr() != null && !f.getInitExpr().isBlank() && !isLiteral(f.getInitExpr())) {
          refuse(line, "gives field " + f.getFieldName() + " the default " + f.getInitExpr().strip()
              + ": not allowed in rules; a default is a literal (a number, a quoted string, true, false or null)");
        }
        annotations(f, line, "field " + f.getFieldName(), false);
      }
    }

    /** Metadata and annotations: refused, or (where {@code literalsAllowed}) literal values only. */
    private void annotations(AnnotatedBaseDescr d, int line, String where, boolean literalsAllowed) {
      for (AnnotationDescr a : d.getAnnotations()) {
        int at = a.getLine() > 0 ? a.getLine() : lineOf("@" + a.getName(), line);
        if (!literalsAllowed) {
          refuse(at, "gives " + where + " the annotation @" + a.getName() + ": not allowed in rules");
          continue;
        }
        for (Object v : a.getValueMap().values()) {
          if (v != null && !isLiteral(String.valueOf(v))) {
            refuse(at, "gives " + where + " the metadata @" + a.getName() + "(" + v + "): not allowed in rules;"
                + " metadata takes literals only (a number, a quoted string, true or false)");
          }
        }
      }
    }

    /** A rule or package attribute: one of {@link #ATTRIBUTES}, with a literal value. */
    private void attribute(AttributeDescr a, int line) {
      String name = a.getName();
      String v = a.getValue() == null ? "" : a.getValue().strip();
      if (!ATTRIBUTES.contains(name)) {
        refuse(line, "sets the attribute " + name + ": not allowed in rules (allowed: "
            + String.join(", ", ATTRIBUTES.stream().sorted().toList()) + ")");
        return;
      }
      boolean ok = switch (name) {
        case "salience" -> v.matches("[-+]?\\d{1,9}");
        case "no-loop", "lock-on-active", "auto-focus", "enabled" -> v.isEmpty() || v.equals("true") || v.equals("false");
        case "dialect" -> v.equals("java") || v.equals("\"java\"");
        default -> a.getType() == AttributeDescr.Type.STRING || v.matches("\"[^\"]*\"|[A-Za-z0-9_ .-]+");
      };
      if (!ok) {
        refuse(line, "sets " + name + " to " + (v.isEmpty() ? "nothing" : v) + ": not allowed in rules; "
            + switch (name) {
              case "salience" -> "salience is a whole number";
              case "dialect" -> "the dialect is java, the one the checker reads";
              case "no-loop", "lock-on-active", "auto-focus", "enabled" -> name + " is true or false";
              default -> name + " is a quoted name";
            });
      }
    }

    /** Functions calling themselves or each other: refused, since an evaluation could then never end. */
    private void recursion() {
      Map<String, Integer> lines = new HashMap<>();
      for (FunctionDescr f : pkg.getFunctions()) {
        lines.put(f.getName(), f.getLine());
      }
      for (String start : calls.keySet().stream().sorted().toList()) {
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(calls.get(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
          String next = todo.pop();
          if (next.equals(start)) {
            refuse(lines.get(start), "function " + start + " calls itself (directly or through other functions):"
                + " not allowed in rules, since it could never end");
            break;
          }
          if (seen.add(next)) {
            todo.addAll(calls.getOrDefault(next, Set.of()));
          }
        }
      }
    }

    /** A construct the checker does not read: refused, since what it would do is unknown. */
    private void unknown(int line, String what) {
      refuse(line, what + ": a construct the rule checker does not know, so it is not allowed in rules");
    }

    private void function(FunctionDescr f) {
      StringBuilder src = new StringBuilder(f.getReturnType()).append(' ').append(f.getName()).append('(');
      for (int i = 0; i < f.getParameterTypes().size(); i++) {
        src.append(i > 0 ? ", " : "").append(f.getParameterTypes().get(i)).append(' ')
            .append(f.getParameterNames().get(i));
      }
      String body = f.getBody().strip();
      src.append(") ").append(body.startsWith("{") ? body : "{" + body + "\n}");
      ParseResult<BodyDeclaration<?>> result = java.parseBodyDeclaration(src.toString());
      int bodyLine = lineOf(body, f.getLine());
      if (!result.isSuccessful() || result.getResult().isEmpty()) {
        unparseable(bodyLine, "function " + f.getName(), result.getProblems());
        return;
      }
      visit(result.getResult().get(), bodyLine);
      Set<String> callees = new HashSet<>();
      result.getResult().get().walk(MethodCallExpr.class, c -> {
        if (c.getScope().isEmpty() && functions.contains(c.getNameAsString())) {
          callees.add(c.getNameAsString());
        }
      });
      calls.put(f.getName(), callees);
    }

    private void rule(RuleDescr r) {
      if (r instanceof QueryDescr || r.isQuery()) {
        unknown(r.getLine(), "declares the query '" + r.getName() + "'");
        return;
      }
      for (AttributeDescr a : r.getAttributes().values()) {
        attribute(a, a.getLine() > 0 ? a.getLine() : r.getLine());
      }
      annotations(r, r.getLine(), "rule '" + r.getName() + "'", true);
      if (r.getLhs() != null) {
        lhs(r.getLhs(), r.getLine());
        groups = 0;
        currentLhs = r.getLhs();
        joined(r.getLhs(), r.getName(), r.getLine());
        if (groups > MAX_GROUPS) {
          problem(r.getLine(), "rule '" + r.getName() + "' tests facts there can be many of in " + groups
              + " groups (not, exists, forall, accumulate, collect): each compares every match with every such"
              + " fact in one step that the time limit cannot interrupt; at most " + MAX_GROUPS
              + " in a rule: split it into rules");
        }
      }
      if (r.getConsequence() instanceof String c) {
        block(lineOf(c, r.getConsequenceLine() > 0 ? r.getConsequenceLine() : r.getLine()), c, "the consequence of rule '"
            + r.getName() + "'");
      } else if (r.getConsequence() != null) {
        unknown(r.getLine(), "rule '" + r.getName() + "' has a consequence that is not Java text");
      }
      if (!r.getNamedConsequences().isEmpty()) {
        unknown(r.getLine(), "rule '" + r.getName() + "' has named consequences (do[...] or break[...])");
      }
    }

    /** A condition: every kind the checker reads is checked; any other kind is refused. */
    private void lhs(BaseDescr d, int fallbackLine) {
      int line = d.getLine() > 0 ? d.getLine() : fallbackLine;
      if (d instanceof PatternDescr p) {
        if (p.isQuery()) {
          unknown(line, "calls the query " + p.getObjectType());
          return;
        }
        if (p.getObjectType() != null) {
          checkTypeName(line, p.getObjectType());
        }
        if (!p.getBehaviors().isEmpty()) {
          unknown(line, "uses a sliding window (over window:...)");
        }
        annotations(p, line, "the pattern " + p.getObjectType(), false);
        for (BaseDescr c : p.getDescrs()) {
          lhs(c, line);
        }
        if (p.getSource() != null) {
          lhs(p.getSource(), line);
        }
      } else if (d instanceof ExprConstraintDescr e) {
        constraint(line, e.getExpression());
      } else if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
          || d instanceof ForallDescr) {
        for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs().stream()
            .map(BaseDescr.class::cast).toList()) {
          lhs(child, line);
        }
      } else if (d instanceof EvalDescr e) {
        if (e.getContent() != null) {
          expression(line, e.getContent().toString());
        }
      } else if (d instanceof FromDescr f) {
        if (f.getDataSource() != null) {
          expression(line, f.getDataSource().toString());
        }
      } else if (d instanceof GroupByDescr) {
        unknown(line, "uses groupby");
      } else if (d instanceof AccumulateDescr a) {
        accumulate(a, line);
      } else if (d instanceof CollectDescr c) {
        if (c.getInputPattern() != null) {
          lhs(c.getInputPattern(), line);
        }
      } else {
        unknown(line, "uses " + construct(d));
      }
    }

    /**
     * The patterns over facts there can be many of ({@link SingleFacts}) that one conjunction of a
     * rule joins: more than one is refused, since Drools joins them in one step the time limit
     * cannot interrupt, with work and memory growing with the product of their numbers. Each
     * {@code not}, {@code exists}, {@code forall}, {@code accumulate} and {@code collect} is a
     * conjunction of its own (it compares, and keeps no product); of an {@code or}, the larger branch
     * counts, as Drools makes a rule of each.
     */
    private void joined(BaseDescr group, String rule, int fallbackLine) {
      List<PatternDescr> many = many(group, rule, fallbackLine);
      if (!many.isEmpty() && group != currentLhs) {
        groups++;
      }
      if (many.size() > 1) {
        PatternDescr second = many.get(1);
        String listed = many.stream().map(p -> p.getObjectType() + " (line " + lineOf(p, fallbackLine) + ")")
            .collect(Collectors.joining(", "));
        String message = "rule '" + rule + "' joins " + many.size() + " patterns over facts there can be many of: "
            + listed + "; Drools would match every combination of them in one step that the time limit cannot"
            + " interrupt: match one of them, and test the others inside exists, not or accumulate (only "
            + SingleFacts.TYPES.stream().map(Class::getSimpleName).sorted()
                .collect(Collectors.joining(", "))
            + " are one per evaluation)";
        problem(lineOf(second, fallbackLine), message);
      }
    }

    /** A problem that is not a use of something (no list of what is allowed). */
    private void problem(int line, String message) {
      if (reported.add(line + ":" + message)) {
        problems.add(new RuleProblem(file.display(), line, message));
      }
    }

    /** The patterns over many facts matched directly by {@code d}; nested groups are checked on their own. */
    private List<PatternDescr> many(BaseDescr d, String rule, int fallbackLine) {
      List<PatternDescr> out = new ArrayList<>();
      if (d instanceof PatternDescr p) {
        if (p.getSource() instanceof AccumulateDescr a) {
          joined(a.getInput(), rule, lineOf(p, fallbackLine)); // one result per match of what comes before
        } else if (p.getSource() instanceof CollectDescr c) {
          joined(c.getInputPattern(), rule, lineOf(p, fallbackLine));
        } else if (p.getSource() != null || !single(p.getObjectType())) {
          out.add(p); // from an expression, or a type there can be many of
        }
      } else if (d instanceof AndDescr a) {
        for (BaseDescr child : a.getDescrs()) {
          out.addAll(many(child, rule, fallbackLine));
        }
      } else if (d instanceof OrDescr o) {
        for (BaseDescr branch : o.getDescrs()) {
          List<PatternDescr> b = many(branch, rule, fallbackLine);
          if (b.size() > out.size()) {
            out = b;
          }
        }
      } else if (d instanceof NotDescr || d instanceof ExistsDescr) {
        AndDescr inner = new AndDescr();
        ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs().forEach(c -> inner.addDescr((BaseDescr) c));
        joined(inner, rule, fallbackLine);
      } else if (d instanceof ForallDescr f) {
        // forall(A, B, C) is not(A and not(B and C))
        List<BaseDescr> parts = f.getDescrs();
        if (!parts.isEmpty()) {
          joined(parts.get(0), rule, fallbackLine);
          AndDescr rest = new AndDescr();
          parts.subList(1, parts.size()).forEach(rest::addDescr);
          joined(rest, rule, fallbackLine);
        }
      } else if (d instanceof AccumulateDescr a) {
        joined(a.getInput(), rule, fallbackLine);
      } else if (d instanceof CollectDescr c) {
        joined(c.getInputPattern(), rule, fallbackLine);
      }
      return out;
    }

    private int lineOf(BaseDescr d, int fallbackLine) {
      return d.getLine() > 0 ? d.getLine() : fallbackLine;
    }

    /** Whether the pattern type {@code written} is one of {@link SingleFacts}; declared and unknown types are not. */
    private boolean single(String written) {
      if (written == null || declared.contains(written)) {
        return false;
      }
      String name = written.replaceAll("<.*>", "").strip();
      Optional<Class<?>> c = name.contains(".") ? load(name) : resolveSimple(name);
      return c.isPresent() && SingleFacts.isSingle(c.get());
    }

    /** An accumulate: Drools' built-in functions over checked expressions; inline init/action/result code refused. */
    private void accumulate(AccumulateDescr a, int line) {
      for (String code : new String[] {a.getInitCode(), a.getActionCode(), a.getReverseCode(), a.getResultCode()}) {
        if (code != null && !code.isBlank()) {
          refuse(line, "uses an accumulate with its own init/action/result code: not allowed in rules; use "
              + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
          return;
        }
      }
      for (AccumulateDescr.AccumulateFunctionCallDescr fn : a.getFunctions()) {
        if (!ACCUMULATE_FUNCTIONS.contains(fn.getFunction())) {
          refuse(line, "uses the accumulate function " + fn.getFunction() + ": not allowed in rules; use "
              + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
        }
        for (String param : fn.getParams()) {
          expression(line, param);
        }
      }
      if (a.getInput() != null) {
        lhs(a.getInput(), line);
      }
    }

    /** What a construct is, for a message: Drools' descriptor name without "Descr". */
    private static String construct(BaseDescr d) {
      String name = d.getClass().getSimpleName().replace("Descr", "");
      String text = d.getText() == null ? "" : " '" + d.getText().strip().lines().findFirst().orElse("") + "'";
      return "a condition of the kind " + name + text;
    }

    /** A pattern constraint: Java when it parses as Java, else split by Drools' expression parser into Java parts. */
    private void constraint(int line, String text) {
      String expr = stripBinding(text);
      ParseResult<Expression> result = java.parseExpression(expr);
      if (result.isSuccessful() && result.getResult().isPresent()) {
        visit(result.getResult().get(), line);
        return;
      }
      ConstraintConnectiveDescr parts = exprParser.parse(text);
      if (exprParser.hasErrors() || parts == null) {
        unparseable(line, "the constraint '" + text.strip() + "'", result.getProblems());
        return;
      }
      for (String atom : atoms(parts, new ArrayList<>())) {
        if (atom.startsWith(OPERATOR_MARK)) {
          refuse(line, "uses the operator " + atom.substring(OPERATOR_MARK.length()) + ": not allowed in rules (a"
              + " regular expression can run for longer than any time limit can stop)");
        } else {
          expression(line, stripBinding(atom));
        }
      }
    }

    private List<String> atoms(BaseDescr d, List<String> out) {
      if (d instanceof ConstraintConnectiveDescr c) {
        c.getDescrs().forEach(child -> atoms(child, out));
      } else if (d instanceof RelationalExprDescr r) {
        if (r.getOperatorDescr() != null && DENIED_OPERATORS.contains(
            (r.getOperatorDescr().isNegated() ? "not " : "") + r.getOperatorDescr().getOperator())) {
          out.add(OPERATOR_MARK + r.getOperator());
        }
        atoms(r.getLeft(), out);
        atoms(r.getRight(), out);
      } else if (d instanceof AtomicExprDescr a) {
        if (!a.isLiteral()) {
          out.add(a.getExpression());
        }
      } else if (d instanceof BindingDescr b) {
        out.add(b.getExpression());
      }
      return out;
    }

    private void expression(int line, String text) {
      ParseResult<Expression> result = java.parseExpression(text.strip());
      if (!result.isSuccessful() || result.getResult().isEmpty()) {
        unparseable(line, "the expression '" + text.strip() + "'", result.getProblems());
        return;
      }
      visit(result.getResult().get(), line);
    }

    private void block(int line, String code, String what) {
      ParseResult<BlockStmt> result = java.parseBlock("{" + ConsequenceText.rewriteModifyBlocks(code) + "\n}");
      if (!result.isSuccessful() || result.getResult().isEmpty()) {
        unparseable(line, what, result.getProblems());
        return;
      }
      visit(result.getResult().get(), line);
    }

    /**
     * Checks every statement, type, name chain and call in {@code root}; {@code baseLine} is the
     * file line of its first line. Straight-line code only: no loops, no {@code synchronized}, no
     * classes of its own, no {@code this}; {@code drools} and {@code kcontext} only as the receiver
     * of {@link #KNOWLEDGE_HELPER}, never passed on or stored.
     */
    private void visit(Node root, int baseLine) {
      root.walk(node -> {
        int line = baseLine + node.getBegin().map(p -> p.line - 1).orElse(0);
        String statement = statementRefused(node);
        if (statement != null) {
          refuse(line, "uses " + statement + ": not allowed in rules, where code runs straight through (a rule"
              + " that must look at many facts matches each of them, or accumulates them)");
        } else if (node instanceof ClassOrInterfaceType t
            && !(node.getParentNode().orElse(null) instanceof ClassOrInterfaceType outer && outer.getScope().orElse(null) == node)) {
          checkTypeName(line, t.getNameWithScope());
        } else if (node instanceof ClassExpr c) {
          refuse(line, "uses " + c + ": reflection is not allowed in rules");
        } else if (node instanceof ThisExpr || node instanceof SuperExpr) {
          refuse(line, "uses " + node + ": not allowed in rules (it is the engine's generated code)");
        } else if (node instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
          refuse(line, "creates an anonymous class (new " + o.getType() + "() {...}): not allowed in rules");
        } else if (node instanceof ArrayCreationExpr a) {
          boolean small = a.getInitializer().isPresent() || a.getLevels().stream().allMatch(l -> l.getDimension()
              .filter(IntegerLiteralExpr.class::isInstance).map(x -> ((IntegerLiteralExpr) x).asNumber().longValue())
              .filter(n -> n <= MAX_ARRAY_LITERAL).isPresent());
          if (!small) {
            refuse(line, "creates an array whose size is not a literal of at most " + MAX_ARRAY_LITERAL + " (" + a
                + "): not allowed in rules; use a List");
          }
        } else if (node instanceof MethodReferenceExpr r && (REFLECTIVE_METHODS.contains(r.getIdentifier())
            || DENIED_METHODS.contains(r.getIdentifier()))) {
          refuse(line, "uses " + r + ": not allowed in rules");
        } else if (node instanceof NameExpr n) {
          engineName(line, n);
        } else if (node instanceof MethodCallExpr call) {
          String name = call.getNameAsString();
          Optional<Expression> scope = call.getScope();
          if (scope.isPresent() && scope.get() instanceof NameExpr p && p.getNameAsString().equals(POLICY)
              && (name.equals("get") || name.equals("getInt"))) {
            policyRead(line, call);
          }
          if (scope.isPresent() && scope.get() instanceof NameExpr fs
              && fs.getNameAsString().equals(CompiledRuleSet.FINDINGS_GLOBAL) && name.equals("add")) {
            findingCall(line, call);
          }
          if (REFLECTIVE_METHODS.contains(name)) {
            refuse(line, "calls " + name + "(): reflection and class loading are not allowed in rules");
          } else if (DENIED_METHODS.contains(name)) {
            refuse(line, "calls " + name + "(): not allowed in rules (threads, JVM-wide settings or unbounded work)");
          }
          if (scope.isPresent() && scope.get() instanceof MethodCallExpr inner && inner.getNameAsString().equals("getRule")
              && inner.getScope().filter(x -> x instanceof NameExpr e && isEngine(e.getNameAsString())).isPresent()
              && !name.equals("getName")) {
            refuse(line, "calls " + call + ": of the rule, a rule may read only its name (drools.getRule().getName())");
          }
          scope.ifPresent(sc -> nameChain(line, sc));
        } else if (node instanceof FieldAccessExpr f && !(node.getParentNode().orElse(null) instanceof FieldAccessExpr)
            && !(node.getParentNode().orElse(null) instanceof MethodCallExpr m && m.getScope().orElse(null) == node)) {
          nameChain(line, f);
        }
      });
    }

    /** A statement kind the checker refuses, described; null for the others. */
    private static String statementRefused(Node node) {
      if (node instanceof WhileStmt || node instanceof DoStmt || node instanceof ForStmt || node instanceof ForEachStmt) {
        return "a loop";
      }
      if (node instanceof SynchronizedStmt) {
        return "synchronized";
      }
      if (node instanceof LabeledStmt) {
        return "a label";
      }
      if (node instanceof LocalClassDeclarationStmt || node instanceof LocalRecordDeclarationStmt
          || node instanceof TypeDeclaration<?>) {
        return "a class declared in code";
      }
      if (node instanceof YieldStmt) {
        return "yield";
      }
      return null;
    }

    private static boolean isEngine(String name) {
      return name.equals("drools") || name.equals("kcontext");
    }

    /**
     * {@code drools}/{@code kcontext} only as the receiver of an allowed call, so they cannot be
     * handed to anything; and no name of the engine's generated code (those with {@code __}).
     */
    private void engineName(int line, NameExpr n) {
      String name = n.getNameAsString();
      if (name.contains("__")) {
        refuse(line, "uses " + name + ", a name of the engine's generated code: not allowed in rules");
        return;
      }
      if (!isEngine(name)) {
        return;
      }
      if (n.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) == n) {
        if (!KNOWLEDGE_HELPER.contains(call.getNameAsString())) {
          refuse(line, "calls " + name + "." + call.getNameAsString() + "(): on drools and kcontext a rule may call only "
              + String.join(", ", KNOWLEDGE_HELPER.stream().sorted().toList()));
        }
        return;
      }
      refuse(line, "uses " + name + " other than to call " + String.join(", ", KNOWLEDGE_HELPER.stream().sorted()
          .toList()) + " on it: not allowed in rules (it would hand the engine to other code)");
    }

    /** {@code policy.get(...)}: the key must be a literal, so that the rules' keys are known when they load. */
    private void policyRead(int line, MethodCallExpr call) {
      if (call.getArguments().size() == 1 && call.getArgument(0) instanceof StringLiteralExpr key) {
        policyUses.add(new PolicyUse(key.asString(), file.display(), line));
      } else {
        refuse(line, "reads the policy with a key that is not a string literal (" + call
            + "): not allowed in rules; write the key itself, e.g. policy.get(\"gate.periodDays\"), so that"
            + " it is checked against policy.properties when the rules load");
      }
    }

    /** {@code findings.add(...)}: the code and the evidence names must be literals, so they are checked at load. */
    private void findingCall(int line, MethodCallExpr call) {
      List<Expression> args = call.getArguments();
      List<String> names = new ArrayList<>();
      boolean literal = !args.isEmpty() && args.get(0) instanceof StringLiteralExpr && args.size() % 2 == 1;
      for (int i = 1; literal && i < args.size(); i += 2) {
        if (args.get(i) instanceof StringLiteralExpr n) {
          names.add(n.asString());
        } else {
          literal = false;
        }
      }
      if (literal) {
        findingCalls.add(new FindingCall(((StringLiteralExpr) args.get(0)).asString(), names, file.display(), line));
      } else {
        refuse(line, "calls findings.add without a literal code and literal evidence names in pairs (" + call
            + "): not allowed in rules; write findings.add(\"CODE\", \"name\", value, ...), so that the code and"
            + " the message's placeholders are checked when the rules load");
      }
    }

    /** A chain of plain names ({@code a.b.C.d}) that may name a type: a static use, or a fully qualified name inline. */
    private void nameChain(int line, Expression e) {
      List<String> parts = new ArrayList<>();
      Expression at = e;
      while (at instanceof FieldAccessExpr f) {
        parts.add(0, f.getNameAsString());
        at = f.getScope();
      }
      if (!(at instanceof NameExpr n)) {
        return;
      }
      parts.add(0, n.getNameAsString());
      String first = parts.get(0);
      if (first.startsWith("$") || first.equals("drools") || first.equals("kcontext") || functions.contains(first)) {
        return;
      }
      if (Character.isUpperCase(first.charAt(0))) {
        checkTypeName(line, first);
        return;
      }
      // lower case: a variable or a field, or a package; a prefix that loads as a class is a type written inline
      StringBuilder name = new StringBuilder(first);
      for (int i = 1; i < parts.size(); i++) {
        name.append('.').append(parts.get(i));
        Optional<Class<?>> c = load(name.toString());
        if (c.isPresent()) {
          checkClass(line, name.toString(), c.get());
          return;
        }
      }
      if (PACKAGE_ROOTS.contains(first) && parts.size() > 2 && Character.isUpperCase(parts.get(parts.size() - 1).charAt(0))) {
        refuse(line, "uses " + String.join(".", parts) + ", a fully qualified name of no known class: not allowed in rules");
      }
    }

    /** A type as written in the rules: simple, nested ({@code Map.Entry}) or qualified, with or without generics. */
    private void checkTypeName(int line, String written) {
      if (written == null) {
        return;
      }
      String name = written.replaceAll("<.*>", "").replace("[]", "").replace("...", "").strip();
      if (name.isEmpty() || name.equals("var") || isPrimitive(name)) {
        return;
      }
      if (declared.contains(name)) {
        return;
      }
      int dot = name.indexOf('.');
      String first = dot < 0 ? name : name.substring(0, dot);
      if (Character.isUpperCase(first.charAt(0)) || dot < 0) {
        Optional<Class<?>> c = resolveSimple(first);
        if (c.isPresent()) {
          checkClass(line, c.get().getName() + (dot < 0 ? "" : name.substring(dot)), c.get());
        } else if (declared.contains(first) || functions.contains(first)) {
          return;
        }
        // unresolved: Drools reports it when it compiles
        return;
      }
      checkQualified(line, name, false);
    }

    /** A fully qualified name: its shortest prefix that loads as a class must be allowed. */
    private void checkQualified(int line, String name, boolean isImport) {
      if (declared.contains(name)) {
        return;
      }
      String[] parts = name.split("\\.");
      StringBuilder prefix = new StringBuilder();
      for (String part : parts) {
        prefix.append(prefix.length() == 0 ? "" : ".").append(part);
        Optional<Class<?>> c = load(prefix.toString());
        if (c.isPresent()) {
          checkClass(line, name, c.get());
          return;
        }
      }
      String pkg = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
      if (!PACKAGES.contains(pkg) && !name.startsWith(pkg() + ".")) {
        refuse(line, (isImport ? "imports " : "uses ") + name);
      }
    }

    private String pkg() {
      return pkg.getName() == null ? "" : pkg.getName();
    }

    private void checkClass(int line, String written, Class<?> c) {
      if (!allowed(c)) {
        String what = written.equals(c.getName()) || written.startsWith(c.getName() + ".") ? c.getName()
            : written + " (" + c.getName() + ")";
        refuse(line, "uses " + what);
      }
    }

    private Optional<Class<?>> resolveSimple(String simple) {
      String imported = imports.get(simple);
      if (imported != null) {
        return load(imported);
      }
      for (String w : wildcards) {
        Optional<Class<?>> c = load(w + "." + simple);
        if (c.isPresent()) {
          return c;
        }
      }
      Optional<Class<?>> lang = load("java.lang." + simple);
      if (lang.isPresent()) {
        return lang;
      }
      return load(pkg() + "." + simple);
    }

    /** A use that is not allowed: {@code what} says what was used; the message adds what is allowed. */
    private void refuse(int line, String what) {
      String message = what + (what.contains("not allowed") ? "" : ": not allowed in rules") + " (" + ALLOWED + ")";
      if (reported.add(line + ":" + what)) {
        problems.add(new RuleProblem(file.display(), line, message));
      }
    }

    private void unparseable(int line, String what, List<Problem> why) {
      String reason = why.isEmpty() ? "" : " (" + why.get(0).getMessage().lines().findFirst().orElse("").strip() + ")";
      String message = what + " cannot be checked: it is not valid Java" + reason
          + "; write it in Java syntax (java dialect), so that the rule checker can see every type it uses";
      if (reported.add(line + ":" + message)) {
        problems.add(new RuleProblem(file.display(), line, message));
      }
    }

    /**
     * The file line {@code code} starts on: Drools gives where a function or consequence starts
     * ({@code then}), and the code trimmed; its first line is looked up from there.
     */
    private int lineOf(String code, int from) {
      String first = code.strip().lines().findFirst().orElse("").strip();
      if (first.isEmpty() || from < 1) {
        return from;
      }
      for (int i = from - 1; i < lines.length; i++) {
        if (lines[i].contains(first)) {
          return i + 1;
        }
      }
      return from;
    }

    /** {@code $x : expr} or {@code $x := expr} gives {@code expr}. */
    private static String stripBinding(String text) {
      return text.strip().replaceFirst("^\\$?[A-Za-z_][A-Za-z0-9_]*\\s*:=?(?!:)\\s*", "");
    }

    /** A number, a quoted string without escapes, true, false or null. */
    private static boolean isLiteral(String text) {
      return text.strip().matches("[-+]?\\d+(\\.\\d+)?[lLdDfF]?|\"[^\"\\\\]*\"|true|false|null");
    }

    private static boolean isPrimitive(String name) {
      return switch (name) {
        case "int", "long", "double", "float", "boolean", "char", "byte", "short", "void" -> true;
        default -> false;
      };
    }
  }
}
