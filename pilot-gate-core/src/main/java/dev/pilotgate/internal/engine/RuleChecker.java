package dev.pilotgate.internal.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
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
import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AccumulateImportDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
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
      "java.util", "java.util.function", "java.util.stream", "java.util.regex",
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

  /** What a rule may call on Drools' {@code drools} (KnowledgeHelper) and {@code kcontext} (RuleContext). */
  static final Set<String> KNOWLEDGE_HELPER = Set.of(
      "getRule", "getMatch", "insert", "insertLogical", "update", "modify", "delete", "retract", "halt");

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
    for (RuleFile file : source.drlFiles()) {
      PackageDescr pkg = parse(file);
      if (pkg != null) {
        parsed.put(file, pkg);
        for (AbstractClassTypeDeclarationDescr t : pkg.getClassAndEnumDeclarationDescrs()) {
          declared.add(t.getTypeName());
          declared.add(t.getFullTypeName());
        }
      }
    }
    List<RuleProblem> problems = new ArrayList<>();
    parsed.forEach((file, pkg) -> problems.addAll(new FileCheck(file, pkg, declared).run()));
    return problems;
  }

  /** The file's package, or {@code null} when Drools cannot parse it (the Drools build then reports why). */
  private static PackageDescr parse(RuleFile file) {
    try {
      DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
      PackageDescr pkg = parser.parse(false, new StringReader(file.text()));
      return parser.hasErrors() ? null : pkg;
    } catch (DroolsParserException | RuntimeException e) {
      return null;
    }
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
    private final Set<String> reported = new LinkedHashSet<>();
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
      for (FunctionImportDescr f : pkg.getFunctionImports()) {
        String target = f.getTarget().strip();
        int cut = target.lastIndexOf('.');
        checkQualified(f.getLine(), cut > 0 ? target.substring(0, cut) : target, true);
      }
      for (AccumulateImportDescr a : pkg.getAccumulateImports()) {
        checkQualified(a.getLine(), a.getTarget().strip(), true);
      }
      for (GlobalDescr g : pkg.getGlobals()) {
        checkTypeName(g.getLine(), g.getType());
      }
      for (AbstractClassTypeDeclarationDescr t : pkg.getClassAndEnumDeclarationDescrs()) {
        if (t.getSuperTypeName() != null && !"Object".equals(t.getSuperTypeName())) {
          checkTypeName(t.getLine(), t.getSuperTypeName());
        }
        for (TypeFieldDescr f : t.getFields().values()) {
          if (f.getPattern() != null) {
            checkTypeName(f.getLine(), f.getPattern().getObjectType());
          }
          if (f.getInitExpr() != null && !f.getInitExpr().isBlank()) {
            expression(f.getLine(), f.getInitExpr());
          }
        }
      }
      for (FunctionDescr f : pkg.getFunctions()) {
        functions.add(f.getName());
      }
      for (FunctionDescr f : pkg.getFunctions()) {
        function(f);
      }
      for (RuleDescr r : pkg.getRules()) {
        rule(r);
      }
      return problems;
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
    }

    private void rule(RuleDescr r) {
      for (AttributeDescr a : r.getAttributes().values()) {
        String v = a.getValue() == null ? "" : a.getValue().strip();
        if ((a.getName().equals("salience") || a.getName().equals("enabled")) && !v.isEmpty()
            && !v.matches("-?\\d+|true|false")) {
          expression(a.getLine() > 0 ? a.getLine() : r.getLine(), v);
        }
      }
      if (r.getLhs() != null) {
        lhs(r.getLhs(), r.getLine());
      }
      if (r.getConsequence() instanceof String c) {
        block(lineOf(c, r.getConsequenceLine() > 0 ? r.getConsequenceLine() : r.getLine()), c, "the consequence of rule '"
            + r.getName() + "'");
      }
      r.getNamedConsequences().forEach((name, c) -> {
        if (c instanceof String s) {
          block(r.getLine(), s, "consequence [" + name + "] of rule '" + r.getName() + "'");
        }
      });
    }

    private void lhs(BaseDescr d, int fallbackLine) {
      int line = d.getLine() > 0 ? d.getLine() : fallbackLine;
      if (d instanceof PatternDescr p) {
        if (p.getObjectType() != null && !p.isQuery()) {
          checkTypeName(line, p.getObjectType());
        }
        for (BaseDescr c : p.getDescrs()) {
          lhs(c, line);
        }
        if (p.getSource() != null) {
          lhs(p.getSource(), line);
        }
      } else if (d instanceof ExprConstraintDescr e) {
        constraint(line, e.getExpression());
      } else if (d instanceof FromDescr f) {
        if (f.getDataSource() != null) {
          expression(line, f.getDataSource().toString());
        }
      } else if (d instanceof AccumulateDescr a) {
        for (AccumulateDescr.AccumulateFunctionCallDescr fn : a.getFunctions()) {
          for (String param : fn.getParams()) {
            expression(line, param);
          }
        }
        for (String code : new String[] {a.getInitCode(), a.getActionCode(), a.getReverseCode()}) {
          if (code != null && !code.isBlank()) {
            block(line, code, "the accumulate code");
          }
        }
        if (a.getResultCode() != null && !a.getResultCode().isBlank()) {
          expression(line, a.getResultCode());
        }
        if (a.getInput() != null) {
          lhs(a.getInput(), line);
        }
      } else if (d instanceof CollectDescr c) {
        if (c.getInputPattern() != null) {
          lhs(c.getInputPattern(), line);
        }
      } else if (d instanceof EvalDescr e) {
        if (e.getContent() != null) {
          expression(line, e.getContent().toString());
        }
      } else if (d instanceof ConditionalElementDescr ce) {
        for (Object child : ce.getDescrs()) {
          if (child instanceof BaseDescr b) {
            lhs(b, line);
          }
        }
      }
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
        expression(line, stripBinding(atom));
      }
    }

    private List<String> atoms(BaseDescr d, List<String> out) {
      if (d instanceof ConstraintConnectiveDescr c) {
        c.getDescrs().forEach(child -> atoms(child, out));
      } else if (d instanceof RelationalExprDescr r) {
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

    /** Checks every type, name chain and call in {@code root}; {@code baseLine} is the file line of its first line. */
    private void visit(Node root, int baseLine) {
      root.walk(node -> {
        int line = baseLine + node.getBegin().map(p -> p.line - 1).orElse(0);
        if (node instanceof ClassOrInterfaceType t
            && !(node.getParentNode().orElse(null) instanceof ClassOrInterfaceType outer && outer.getScope().orElse(null) == node)) {
          checkTypeName(line, t.getNameWithScope());
        } else if (node instanceof ClassExpr c) {
          refuse(line, "uses " + c + ": reflection is not allowed in rules");
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
          }
          if (scope.isPresent() && scope.get() instanceof NameExpr n
              && (n.getNameAsString().equals("drools") || n.getNameAsString().equals("kcontext"))
              && !KNOWLEDGE_HELPER.contains(name)) {
            refuse(line, "calls " + n + "." + name + "(): on drools and kcontext a rule may call only "
                + String.join(", ", KNOWLEDGE_HELPER.stream().sorted().toList()));
          }
          scope.ifPresent(s -> nameChain(line, s));
        } else if (node instanceof FieldAccessExpr f && !(node.getParentNode().orElse(null) instanceof FieldAccessExpr)
            && !(node.getParentNode().orElse(null) instanceof MethodCallExpr m && m.getScope().orElse(null) == node)) {
          nameChain(line, f);
        }
      });
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

    private static boolean isPrimitive(String name) {
      return switch (name) {
        case "int", "long", "double", "float", "boolean", "char", "byte", "short", "void" -> true;
        default -> false;
      };
    }
  }
}
