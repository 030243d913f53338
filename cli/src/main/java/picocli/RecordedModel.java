package picocli;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.InitializationException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.CommandUserObject;
import picocli.CommandLine.Model.FieldBinding;
import picocli.CommandLine.Model.IAnnotatedElement;
import picocli.CommandLine.Model.IExtensible;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.IScope;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.ITypeInfo;
import picocli.CommandLine.Model.InitialValueState;
import picocli.CommandLine.Model.MethodBinding;
import picocli.CommandLine.Model.ObjectScope;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.RuntimeTypeInfo;
import picocli.CommandLine.Model.TypedMember;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Range;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * picocli command models built from annotation values recorded at build time, with no annotation
 * read at run time.
 *
 * <p>Why: picocli builds a command's model by reading its annotations through the JDK's reflection,
 * and the JDK makes each annotation instance a dynamic proxy; the first use of each annotation type
 * generates a proxy class, which the launcher's class-data archive cannot hold on JDK 17. A
 * papergraph answer read eight annotation types that way, ~45-70 ms of its main thread (notes of
 * session 9). {@link #record} reads the annotations once, at build time, into plain text (one
 * string per class); {@link #commandSpec} builds the same {@link CommandSpec} from that text with
 * picocli's own builders ({@code OptionSpec.builder(IAnnotatedElement, IFactory)} and the rest),
 * the annotations standing in as plain objects. The steps follow {@code
 * CommandLine.CommandReflection.extractCommandSpec} (4.7.7) one for one: the same order of classes
 * and members, mixins, argument groups, {@code @Spec} injection, the version provider, the standard
 * help options last. The class sits in picocli's package for the package-private pieces that
 * reflection uses too (type info, field and method bindings, the spec's validation), so that both
 * models are made of the same parts. The annotations stay the one definition of each command: the
 * text is generated from them at build time, and a test compares both models of every command.
 *
 * <p>Only what papergraph's commands use is supported: {@code @Command} classes (no method
 * commands, no {@code subcommands} attribute, no inherited scope), {@code @Option},
 * {@code @Parameters}, {@code @Mixin}, single-valued {@code @ArgGroup} and {@code @Spec} on fields
 * and setter methods; {@link #record} refuses anything else, so that nothing is silently left out.
 */
public final class RecordedModel {

  private static final String SEPARATOR = "\0";

  private final Function<String, String> source;
  private final Map<String, ClassRecord> parsed = new HashMap<>();

  /**
   * A model over recorded text.
   *
   * @param source the text {@link #record} made for a class, by class name, or null for a class not
   *     recorded
   */
  public RecordedModel(Function<String, String> source) {
    this.source = source;
  }

  /** Whether this class, its mixins and argument groups were recorded. */
  public boolean covers(Class<?> commandClass) {
    return source.apply(commandClass.getName()) != null;
  }

  /**
   * The recorded {@code @Command} of this class, or null when it has none.
   *
   * @throws IllegalArgumentException if the class was not recorded
   */
  public Command command(Class<?> commandClass) {
    return record(commandClass).command;
  }

  /**
   * The spec of this command object, as {@code CommandSpec.forAnnotatedObject(command, factory)}
   * builds it from the annotations.
   *
   * @throws IllegalArgumentException if the command's class (or a mixin or group of it) was not
   *     recorded
   */
  public CommandSpec commandSpec(Object command, IFactory factory) {
    CommandUserObject userObject = CommandUserObject.create(command, factory);
    CommandSpec result = CommandSpec.wrapWithoutInspection(userObject, factory);
    boolean standardHelp = false;
    for (ClassRecord c : hierarchy(userObject.getType())) {
      if (c.command != null) {
        result.updateCommandAttributes(c.command, factory);
        injectSpecIntoVersionProvider(result, c.command, factory);
        standardHelp |= c.command.mixinStandardHelpOptions();
        initSubcommands(c.command, result, factory);
      }
      initFromMembers(userObject, c, result, null, factory, false);
    }
    if (standardHelp) {
      mixinStandardHelpOptions(result);
    }
    for (OptionSpec o : result.options()) {
      o.messages(result.usageMessage().messages());
    }
    for (PositionalParamSpec p : result.positionalParameters()) {
      p.messages(result.usageMessage().messages());
    }
    for (ArgGroupSpec g : result.argGroups()) {
      g.messages(result.usageMessage().messages());
    }
    result.validate();
    return result;
  }

  /**
   * The {@code subcommands} of a {@code @Command}, each with its recorded model. (picocli then
   * injects the parent into their {@code @ParentCommand} members, which a recorded model has none
   * of.)
   */
  private void initSubcommands(Command cmd, CommandSpec parent, IFactory factory) {
    for (Class<?> sub : cmd.subcommands()) {
      CommandSpec spec;
      try {
        spec = commandSpec(factory.create(sub), factory);
      } catch (InitializationException | IllegalArgumentException ex) {
        throw ex;
      } catch (Exception ex) {
        throw new InitializationException(
            "Could not instantiate and add subcommand " + sub.getName() + ": " + ex, ex);
      }
      parent.addSubcommand(command(sub).name(), new CommandLine(spec, factory));
    }
  }

  /** The records of this class and its superclasses, the topmost first (as picocli visits them). */
  private List<ClassRecord> hierarchy(Class<?> cls) {
    Deque<ClassRecord> stack = new ArrayDeque<>();
    for (Class<?> c = cls; c != null && c != Object.class; c = c.getSuperclass()) {
      stack.push(record(c));
    }
    return new ArrayList<>(stack);
  }

  private ClassRecord record(Class<?> cls) {
    ClassRecord r = parsed.get(cls.getName());
    if (r == null) {
      String text = source.apply(cls.getName());
      if (text == null) {
        throw new IllegalArgumentException("no recorded model for " + cls.getName());
      }
      r = ClassRecord.parse(cls, text);
      parsed.put(cls.getName(), r);
    }
    return r;
  }

  private void injectSpecIntoVersionProvider(CommandSpec result, Command cmd, IFactory factory) {
    if (result.versionProvider() == null) {
      return;
    }
    initFromMembers(
        new ObjectScope(result.versionProvider()),
        record(cmd.versionProvider()),
        result,
        null,
        factory,
        true);
  }

  /** {@code CommandSpec.mixinStandardHelpOptions(true)} with the recorded help mixin. */
  private void mixinStandardHelpOptions(CommandSpec result) {
    if (result.scopeType() == ScopeType.INHERIT || result.inherited()) {
      throw new IllegalArgumentException("inherited standard help options are not supported");
    }
    CommandSpec mixin = commandSpec(new CommandLine.AutoHelpMixin(), CommandLine.defaultFactory());
    for (String key : mixin.optionsMap().keySet()) {
      if (result.optionsMap().containsKey(key)) {
        return;
      }
    }
    result.addMixin(STANDARD_HELP_KEY, mixin);
  }

  /** The key of picocli's standard help mixin ({@code CommandLine.AutoHelpMixin.KEY}). */
  static final String STANDARD_HELP_KEY = "mixinStandardHelpOptions";

  private void initFromMembers(
      IScope scope,
      ClassRecord c,
      CommandSpec receiver,
      ArgGroupSpec.Builder groupBuilder,
      IFactory factory,
      boolean specOnly) {
    for (MemberRecord m : c.members) {
      RecordedMember member = new RecordedMember(c.type, m, scope, receiver);
      if (specOnly
          && !(member.isSpec()
              && !(member.isArgGroup()
                  || member.isUnmatched()
                  || member.isMixin()
                  || member.isOption()
                  || member.isParameter()
                  || member.isParentCommand()))) {
        continue;
      }
      initFromMember(member, receiver, groupBuilder, factory);
    }
  }

  private void initFromMember(
      RecordedMember member,
      CommandSpec commandSpec,
      ArgGroupSpec.Builder groupBuilder,
      IFactory factory) {
    if (member.isMixin()) {
      CommandSpec mixin = buildMixin(member, factory);
      commandSpec.addMixin(member.getMixinName(), mixin, member);
      for (IAnnotatedElement specElement : mixin.specElements()) {
        if (specElement.getAnnotation(Spec.class).value() == Spec.Target.MIXEE) {
          try {
            specElement.setter().set(commandSpec);
          } catch (Exception ex) {
            throw new InitializationException("Could not inject MIXEE spec", ex);
          }
        }
      }
    }
    if (member.isArgGroup()) {
      ArgGroupSpec group = buildArgGroup(member, factory, commandSpec);
      if (groupBuilder != null) {
        groupBuilder.addSubgroup(group);
      } else {
        commandSpec.addArgGroup(group);
      }
      return;
    }
    if (member.isArgSpec()) {
      ArgSpec arg =
          member.isOption()
              ? OptionSpec.builder(member, factory).build()
              : PositionalParamSpec.builder(member, factory).build();
      if (groupBuilder != null) {
        groupBuilder.addArg(arg);
      } else {
        commandSpec.add(arg);
      }
    }
    if (member.isSpec()) {
      if (groupBuilder != null) {
        groupBuilder.addSpecElement(member);
      } else {
        commandSpec.addSpecElement(member);
        if (member.getAnnotation(Spec.class).value() == Spec.Target.SELF) {
          try {
            member.setter().set(commandSpec);
          } catch (Exception ex) {
            throw new InitializationException("Could not inject spec", ex);
          }
        }
      }
    }
  }

  private CommandSpec buildMixin(RecordedMember member, IFactory factory) {
    try {
      Object userObject = member.getter().get();
      if (userObject == null) {
        userObject = factory.create(member.getTypeInfo().getType());
        member.setter().set(userObject);
      }
      return commandSpec(userObject, factory).withToString(member.getToString());
    } catch (InitializationException | IllegalArgumentException ex) {
      throw ex;
    } catch (Exception ex) {
      throw new InitializationException(
          "Could not access or modify mixin member " + member + ": " + ex, ex);
    }
  }

  private ArgGroupSpec buildArgGroup(
      RecordedMember member, IFactory factory, CommandSpec commandSpec) {
    Object instance = null;
    try {
      instance = member.getter().get();
    } catch (Exception ignored) {
      // as picocli: a group whose value cannot be read is built from its declared type
    }
    Class<?> cls = instance == null ? member.getTypeInfo().getType() : instance.getClass();
    IScope scope = new ObjectScope(instance);
    ArgGroupSpec.Builder builder = ArgGroupSpec.builder(member);
    builder.updateArgGroupAttributes(member.getAnnotation(ArgGroup.class));
    for (ClassRecord c : hierarchy(cls)) {
      initFromMembers(scope, c, commandSpec, builder, factory, false);
    }
    return builder.build();
  }

  // ---- build time: the annotations as text ----

  /**
   * Records the annotations of these command classes and of every class their models use
   * (superclasses, mixins, argument groups, version providers): by class name, the text {@link
   * #RecordedModel(Function)} reads. Reads the annotations by reflection: for build time.
   *
   * @throws IllegalArgumentException for a picocli feature this model does not support
   */
  public static Map<String, String> record(Collection<Class<?>> commandClasses) {
    Map<String, String> out = new LinkedHashMap<>();
    Deque<Class<?>> todo = new ArrayDeque<>(commandClasses);
    while (!todo.isEmpty()) {
      Class<?> cls = todo.poll();
      if (!out.containsKey(cls.getName())) {
        out.put(cls.getName(), String.join(SEPARATOR, recordClass(cls, todo)));
      }
    }
    return out;
  }

  private static List<String> recordClass(Class<?> cls, Deque<Class<?>> todo) {
    List<String> t = new ArrayList<>();
    Class<?> superclass = cls.getSuperclass();
    if (superclass != null && superclass != Object.class) {
      todo.add(superclass);
    }
    Command cmd = cls.getAnnotation(Command.class);
    if (cmd == null) {
      t.add("0");
    } else {
      todo.addAll(List.of(cmd.subcommands()));
      todo.add(cmd.versionProvider()); // picocli's NoVersionProvider too: it has no members
      if (cmd.mixinStandardHelpOptions()) {
        todo.add(CommandLine.AutoHelpMixin.class);
      }
      t.add("1");
      encode(cmd, t);
    }
    List<AccessibleObject> members = new ArrayList<>();
    for (Field f : cls.getDeclaredFields()) {
      if (annotated(f)) {
        members.add(f);
      }
    }
    List<Method> methods = new ArrayList<>();
    for (Method m : cls.getDeclaredMethods()) {
      if (m.isAnnotationPresent(Command.class)) {
        throw unsupported(cls, "command methods");
      }
      if (annotated(m)) {
        methods.add(m);
      }
    }
    // the order of the class file (the source's): the JDK's getDeclaredMethods has none defined
    // (HotSpot's follows where the names sit in memory: `rank --help` listed -v before -q when run
    // with the launcher's class-data archive, after it without), and with sortOptions = false it
    // is the order of the help
    List<String> order = methodOrder(cls);
    methods.sort((a, b) -> Integer.compare(order.indexOf(key(a)), order.indexOf(key(b))));
    members.addAll(methods);
    t.add(Integer.toString(members.size()));
    for (AccessibleObject member : members) {
      if (member.isAnnotationPresent(Unmatched.class)
          || member.isAnnotationPresent(ParentCommand.class)) {
        throw unsupported(cls, "@Unmatched and @ParentCommand");
      }
      if (member instanceof Field f) {
        t.add("F");
        t.add(f.getName());
        t.add("0");
        if (f.isAnnotationPresent(Mixin.class)) {
          todo.add(f.getType());
        }
        if (f.isAnnotationPresent(ArgGroup.class)) {
          if (isMultiValue(f.getType())) {
            throw unsupported(cls, "multi-valued argument groups");
          }
          todo.add(f.getType());
        }
        if (Modifier.isStatic(f.getModifiers())) {
          throw unsupported(cls, "static members");
        }
      } else {
        Method m = (Method) member;
        if (m.isAnnotationPresent(Mixin.class) || m.isAnnotationPresent(ArgGroup.class)) {
          throw unsupported(cls, "@Mixin and @ArgGroup on methods");
        }
        t.add("M");
        t.add(m.getName());
        t.add(Integer.toString(m.getParameterCount()));
        for (Class<?> p : m.getParameterTypes()) {
          t.add(p.getName());
        }
      }
      List<Annotation> annotations = new ArrayList<>();
      for (Class<? extends Annotation> type : MEMBER_ANNOTATIONS) {
        Annotation a = member.getAnnotation(type);
        if (a != null) {
          annotations.add(a);
        }
      }
      t.add(Integer.toString(annotations.size()));
      for (Annotation a : annotations) {
        t.add(a.annotationType().getSimpleName());
        encode(a, t);
      }
    }
    return t;
  }

  /** A method's name and descriptor, as the class file names it. */
  private static String key(Method m) {
    StringBuilder d = new StringBuilder(m.getName()).append('(');
    for (Class<?> p : m.getParameterTypes()) {
      d.append(descriptor(p));
    }
    return d.append(')').append(descriptor(m.getReturnType())).toString();
  }

  private static String descriptor(Class<?> c) {
    if (c.isArray()) {
      return "[" + descriptor(c.getComponentType());
    }
    if (!c.isPrimitive()) {
      return "L" + c.getName().replace('.', '/') + ";";
    }
    return switch (c.getName()) {
      case "boolean" -> "Z";
      case "byte" -> "B";
      case "char" -> "C";
      case "short" -> "S";
      case "int" -> "I";
      case "long" -> "J";
      case "float" -> "F";
      case "double" -> "D";
      default -> "V";
    };
  }

  /** The methods of the class file, name and descriptor ({@link #key}), in the file's order. */
  private static List<String> methodOrder(Class<?> cls) {
    String file = cls.getName().substring(cls.getName().lastIndexOf('.') + 1) + ".class";
    try (java.io.InputStream in = cls.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalArgumentException("no class file for " + cls.getName());
      }
      java.io.DataInputStream d = new java.io.DataInputStream(in);
      d.readInt(); // magic
      d.readInt(); // minor and major version
      int count = d.readUnsignedShort();
      String[] utf8 = new String[count];
      for (int i = 1; i < count; i++) {
        int tag = d.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = d.readUTF();
          case 7, 8, 16, 19, 20 -> skip(d, 2);
          case 15 -> skip(d, 3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(d, 4);
          case 5, 6 -> {
            skip(d, 8);
            i++; // takes two entries
          }
          default ->
              throw new IllegalArgumentException("bad constant pool tag " + tag + " in " + file);
        }
      }
      skip(d, 6); // access flags, this class, superclass
      skip(d, 2 * d.readUnsignedShort()); // interfaces
      skipMembers(d); // fields
      List<String> methods = new ArrayList<>();
      int n = d.readUnsignedShort();
      for (int i = 0; i < n; i++) {
        skip(d, 2);
        methods.add(utf8[d.readUnsignedShort()] + utf8[d.readUnsignedShort()]);
        skipAttributes(d);
      }
      return methods;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Skips n bytes (DataInputStream.skipBytes may skip fewer on an inflating stream). */
  private static void skip(java.io.DataInputStream d, int n) throws java.io.IOException {
    d.readFully(new byte[n]);
  }

  private static void skipMembers(java.io.DataInputStream d) throws java.io.IOException {
    int n = d.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      skip(d, 6);
      skipAttributes(d);
    }
  }

  private static void skipAttributes(java.io.DataInputStream d) throws java.io.IOException {
    int n = d.readUnsignedShort();
    for (int i = 0; i < n; i++) {
      skip(d, 2);
      skip(d, d.readInt());
    }
  }

  private static final List<Class<? extends Annotation>> MEMBER_ANNOTATIONS =
      List.of(Option.class, Parameters.class, Mixin.class, ArgGroup.class, Spec.class);

  /** As {@code CommandLine.isMultiValue}. */
  private static boolean isMultiValue(Class<?> cls) {
    return (cls.isArray() && cls != char[].class)
        || Collection.class.isAssignableFrom(cls)
        || Map.class.isAssignableFrom(cls);
  }

  private static boolean annotated(AccessibleObject e) {
    return TypedMember.isAnnotated(e);
  }

  private static IllegalArgumentException unsupported(Class<?> cls, String what) {
    return new IllegalArgumentException(
        cls.getName() + ": the recorded model does not support " + what);
  }

  /** Every element of the annotation, by name: name, a type letter, the value. */
  private static void encode(Annotation a, List<String> t) {
    List<Method> elements = new ArrayList<>(List.of(a.annotationType().getDeclaredMethods()));
    elements.sort((x, y) -> x.getName().compareTo(y.getName()));
    t.add(Integer.toString(elements.size()));
    for (Method e : elements) {
      Object v;
      try {
        v = e.invoke(a);
      } catch (ReflectiveOperationException ex) {
        throw new IllegalStateException(ex);
      }
      t.add(e.getName());
      if (v instanceof String s) {
        t.add("S");
        t.add(s);
      } else if (v instanceof String[] s) {
        t.add("A");
        t.add(Integer.toString(s.length));
        t.addAll(List.of(s));
      } else if (v instanceof Boolean b) {
        t.add("Z");
        t.add(b.toString());
      } else if (v instanceof Integer i) {
        t.add("I");
        t.add(i.toString());
      } else if (v instanceof Character c) {
        t.add("C");
        t.add(c.toString());
      } else if (v instanceof Class<?> c) {
        t.add("K");
        t.add(c.getName());
      } else if (v instanceof Class<?>[] cs) {
        t.add("L");
        t.add(Integer.toString(cs.length));
        for (Class<?> c : cs) {
          t.add(c.getName());
        }
      } else if (v instanceof Enum<?> en) {
        t.add("E");
        t.add(en.getDeclaringClass().getName());
        t.add(en.name());
      } else {
        throw new IllegalArgumentException(
            "the recorded model does not support the value of " + e + ": " + v);
      }
    }
  }

  // ---- run time: the text back into annotation values ----

  /** One recorded class: its {@code @Command} (or null) and its annotated members in order. */
  private record ClassRecord(Class<?> type, Command command, List<MemberRecord> members) {

    static ClassRecord parse(Class<?> type, String text) {
      Tokens t = new Tokens(text.split(SEPARATOR, -1), type.getClassLoader());
      Command command = t.next().equals("1") ? new RecordedCommand(t.values()) : null;
      int n = t.nextInt();
      List<MemberRecord> members = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        boolean field = t.next().equals("F");
        String name = t.next();
        Class<?>[] parameters = new Class<?>[t.nextInt()];
        for (int p = 0; p < parameters.length; p++) {
          parameters[p] = t.nextClass();
        }
        int count = t.nextInt();
        Map<Class<? extends Annotation>, Annotation> annotations = new HashMap<>();
        for (int a = 0; a < count; a++) {
          Annotation annotation =
              switch (t.next()) {
                case "Option" -> new RecordedOption(t.values());
                case "Parameters" -> new RecordedParameters(t.values());
                case "Mixin" -> new RecordedMixin(t.values());
                case "ArgGroup" -> new RecordedArgGroup(t.values());
                case "Spec" -> new RecordedSpec(t.values());
                default -> throw new IllegalStateException("unknown annotation in " + type);
              };
          annotations.put(annotation.annotationType(), annotation);
        }
        members.add(new MemberRecord(field, name, parameters, annotations));
      }
      return new ClassRecord(type, command, members);
    }
  }

  private record MemberRecord(
      boolean field,
      String name,
      Class<?>[] parameters,
      Map<Class<? extends Annotation>, Annotation> annotations) {}

  /** Reads the recorded tokens in order. */
  private static final class Tokens {
    private final String[] tokens;
    private final ClassLoader loader;
    private int next;

    Tokens(String[] tokens, ClassLoader loader) {
      this.tokens = tokens;
      this.loader = loader;
    }

    String next() {
      return tokens[next++];
    }

    int nextInt() {
      return Integer.parseInt(next());
    }

    Class<?> nextClass() {
      String name = next();
      switch (name) {
        case "boolean":
          return boolean.class;
        case "int":
          return int.class;
        case "long":
          return long.class;
        case "double":
          return double.class;
        case "float":
          return float.class;
        case "char":
          return char.class;
        case "byte":
          return byte.class;
        case "short":
          return short.class;
        case "void":
          return void.class;
        default:
          try {
            return Class.forName(name, false, loader);
          } catch (ClassNotFoundException e) {
            throw new IllegalStateException("recorded model names a missing class " + name, e);
          }
      }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, Object> values() {
      int n = nextInt();
      Map<String, Object> values = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String name = next();
        Object v;
        switch (next()) {
          case "S" -> v = next();
          case "A" -> {
            String[] a = new String[nextInt()];
            for (int j = 0; j < a.length; j++) {
              a[j] = next();
            }
            v = a;
          }
          case "Z" -> v = Boolean.valueOf(next());
          case "I" -> v = Integer.valueOf(next());
          case "C" -> v = next().charAt(0);
          case "K" -> v = nextClass();
          case "L" -> {
            Class<?>[] a = new Class<?>[nextInt()];
            for (int j = 0; j < a.length; j++) {
              a[j] = nextClass();
            }
            v = a;
          }
          case "E" -> v = Enum.valueOf((Class) nextClass(), next());
          default -> throw new IllegalStateException("bad recorded value of " + name);
        }
        values.put(name, v);
      }
      return values;
    }
  }

  /**
   * A recorded field or setter method as picocli's reflection sees it ({@code
   * CommandLine.Model.TypedMember}), its annotations the recorded values.
   */
  private static final class RecordedMember implements IAnnotatedElement, IExtensible {
    private final AccessibleObject accessible;
    private final String name;
    private final Map<Class<? extends Annotation>, Annotation> annotations;
    private final ITypeInfo typeInfo;
    private final InitialValueState initialValueState;
    private final IScope scope;
    private final IGetter getter;
    private final ISetter setter;

    RecordedMember(Class<?> owner, MemberRecord m, IScope scope, CommandSpec spec) {
      this.annotations = m.annotations();
      this.scope = scope;
      try {
        if (m.field()) {
          Field field = owner.getDeclaredField(m.name());
          field.setAccessible(true);
          accessible = field;
          name = field.getName();
          typeInfo = createTypeInfo(field.getType(), field.getGenericType());
          FieldBinding binding = new FieldBinding(scope, field);
          getter = binding;
          setter = binding;
          initialValueState = InitialValueState.POSTPONED;
        } else {
          Method method = owner.getDeclaredMethod(m.name(), m.parameters());
          method.setAccessible(true);
          accessible = method;
          name = TypedMember.propertyName(method.getName());
          if (method.getParameterCount() == 1) {
            typeInfo =
                createTypeInfo(method.getParameterTypes()[0], method.getGenericParameterTypes()[0]);
            initialValueState = InitialValueState.UNAVAILABLE;
          } else if (method.getParameterCount() == 0
              && method.getReturnType() != Void.TYPE
              && method.getReturnType() != Void.class) {
            typeInfo = createTypeInfo(method.getReturnType(), method.getGenericReturnType());
            initialValueState = InitialValueState.POSTPONED;
          } else {
            throw new InitializationException(
                "Invalid method, must be either getter or setter: " + method);
          }
          MethodBinding binding = new MethodBinding(scope, method, spec);
          getter = binding;
          setter = binding;
        }
      } catch (NoSuchFieldException | NoSuchMethodException e) {
        throw new IllegalStateException(
            "the recorded model of " + owner.getName() + " is out of date: " + e, e);
      }
    }

    private ITypeInfo createTypeInfo(Class<?> type, Type genericType) {
      Range arity = null;
      if (isOption()) {
        arity = Range.valueOf(getAnnotation(Option.class).arity());
      }
      if (isParameter()) {
        arity = Range.valueOf(getAnnotation(Parameters.class).arity());
      }
      if (arity == null || arity.isUnspecified()) {
        if (isOption()) {
          boolean flag = type == null || type == Boolean.class || type == Boolean.TYPE;
          arity = flag ? Range.valueOf("0") : Range.valueOf("1");
        } else {
          arity = Range.valueOf("1");
        }
        arity = arity.unspecified(true);
      }
      return RuntimeTypeInfo.create(
          type,
          annotationTypes(),
          genericType,
          arity,
          isOption() ? boolean.class : String.class,
          isInteractive());
    }

    private Class<?>[] annotationTypes() {
      if (isOption()) {
        return getAnnotation(Option.class).type();
      }
      if (isParameter()) {
        return getAnnotation(Parameters.class).type();
      }
      return new Class<?>[0];
    }

    @Override
    public Object userObject() {
      return accessible;
    }

    @Override
    public boolean isAnnotationPresent(Class<? extends Annotation> annotationClass) {
      return annotations.containsKey(annotationClass);
    }

    @Override
    public <T extends Annotation> T getAnnotation(Class<T> annotationClass) {
      return annotationClass.cast(annotations.get(annotationClass));
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getMixinName() {
      String annotationName = getAnnotation(Mixin.class).name();
      return annotationName.isEmpty() ? getName() : annotationName;
    }

    @Override
    public boolean isArgSpec() {
      return isOption() || isParameter();
    }

    @Override
    public boolean isOption() {
      return isAnnotationPresent(Option.class);
    }

    @Override
    public boolean isParameter() {
      return isAnnotationPresent(Parameters.class);
    }

    @Override
    public boolean isArgGroup() {
      return isAnnotationPresent(ArgGroup.class);
    }

    @Override
    public boolean isMixin() {
      return isAnnotationPresent(Mixin.class);
    }

    @Override
    public boolean isUnmatched() {
      return false;
    }

    @Override
    public boolean isSpec() {
      return isAnnotationPresent(Spec.class);
    }

    @Override
    public boolean isParentCommand() {
      return false;
    }

    @Override
    public boolean isMultiValue() {
      return RecordedModel.isMultiValue(typeInfo.getType());
    }

    @Override
    public boolean isInteractive() {
      return (isOption() && getAnnotation(Option.class).interactive())
          || (isParameter() && getAnnotation(Parameters.class).interactive());
    }

    @Override
    public boolean hasInitialValue() {
      return initialValueState == InitialValueState.CACHED
          || initialValueState == InitialValueState.POSTPONED;
    }

    @Override
    public boolean isMethodParameter() {
      return false;
    }

    @Override
    public int getMethodParamPosition() {
      return -1;
    }

    @Override
    public IScope scope() {
      return scope;
    }

    @Override
    public IGetter getter() {
      return getter;
    }

    @Override
    public ISetter setter() {
      return setter;
    }

    @Override
    public ITypeInfo getTypeInfo() {
      return typeInfo;
    }

    @Override
    public String getToString() {
      if (isMixin()) {
        return TypedMember.abbreviate("mixin from member " + toGenericString());
      }
      return (accessible instanceof Field ? "field " : "method ")
          + TypedMember.abbreviate(toGenericString());
    }

    private String toGenericString() {
      return accessible instanceof Field f
          ? f.toGenericString()
          : ((Method) accessible).toGenericString();
    }

    @Override
    public String toString() {
      return accessible.toString();
    }

    @Override
    public <T> T getExtension(Class<T> cls) {
      return cls == InitialValueState.class ? cls.cast(initialValueState) : null;
    }
  }

  /** An annotation's recorded values; arrays are copied as the JDK's annotations copy them. */
  private abstract static class RecordedAnnotation implements Annotation {
    private final Map<String, Object> values;

    RecordedAnnotation(Map<String, Object> values) {
      this.values = values;
    }

    @SuppressWarnings("unchecked")
    final <T> T value(String element) {
      Object v = values.get(element);
      if (v == null) {
        throw new IllegalStateException("not recorded: " + element + " of " + annotationType());
      }
      return (T) (v instanceof Object[] a ? a.clone() : v);
    }
  }

  private static final class RecordedCommand extends RecordedAnnotation implements Command {
    RecordedCommand(Map<String, Object> values) {
      super(values);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
      return Command.class;
    }

    @Override
    public String name() {
      return value("name");
    }

    @Override
    public String[] aliases() {
      return value("aliases");
    }

    @Override
    public Class<?>[] subcommands() {
      return value("subcommands");
    }

    @Override
    public boolean subcommandsRepeatable() {
      return value("subcommandsRepeatable");
    }

    @Override
    public boolean addMethodSubcommands() {
      return value("addMethodSubcommands");
    }

    @Override
    public String separator() {
      return value("separator");
    }

    @Override
    public String[] version() {
      return value("version");
    }

    @Override
    public Class<? extends IVersionProvider> versionProvider() {
      return value("versionProvider");
    }

    @Override
    public boolean mixinStandardHelpOptions() {
      return value("mixinStandardHelpOptions");
    }

    @Override
    public boolean helpCommand() {
      return value("helpCommand");
    }

    @Override
    public String headerHeading() {
      return value("headerHeading");
    }

    @Override
    public String[] header() {
      return value("header");
    }

    @Override
    public String synopsisHeading() {
      return value("synopsisHeading");
    }

    @Override
    public boolean abbreviateSynopsis() {
      return value("abbreviateSynopsis");
    }

    @Override
    public String[] customSynopsis() {
      return value("customSynopsis");
    }

    @Override
    public String synopsisSubcommandLabel() {
      return value("synopsisSubcommandLabel");
    }

    @Override
    public String descriptionHeading() {
      return value("descriptionHeading");
    }

    @Override
    public String[] description() {
      return value("description");
    }

    @Override
    public String parameterListHeading() {
      return value("parameterListHeading");
    }

    @Override
    public String optionListHeading() {
      return value("optionListHeading");
    }

    @Override
    public boolean sortOptions() {
      return value("sortOptions");
    }

    @Override
    public boolean sortSynopsis() {
      return value("sortSynopsis");
    }

    @Override
    public char requiredOptionMarker() {
      return value("requiredOptionMarker");
    }

    @Override
    public Class<? extends IDefaultValueProvider> defaultValueProvider() {
      return value("defaultValueProvider");
    }

    @Override
    public boolean showDefaultValues() {
      return value("showDefaultValues");
    }

    @Override
    public boolean showAtFileInUsageHelp() {
      return value("showAtFileInUsageHelp");
    }

    @Override
    public boolean showEndOfOptionsDelimiterInUsageHelp() {
      return value("showEndOfOptionsDelimiterInUsageHelp");
    }

    @Override
    public String commandListHeading() {
      return value("commandListHeading");
    }

    @Override
    public String footerHeading() {
      return value("footerHeading");
    }

    @Override
    public String[] footer() {
      return value("footer");
    }

    @Override
    public boolean hidden() {
      return value("hidden");
    }

    @Override
    public String resourceBundle() {
      return value("resourceBundle");
    }

    @Override
    public int usageHelpWidth() {
      return value("usageHelpWidth");
    }

    @Override
    public boolean usageHelpAutoWidth() {
      return value("usageHelpAutoWidth");
    }

    @Override
    public int exitCodeOnSuccess() {
      return value("exitCodeOnSuccess");
    }

    @Override
    public int exitCodeOnUsageHelp() {
      return value("exitCodeOnUsageHelp");
    }

    @Override
    public int exitCodeOnVersionHelp() {
      return value("exitCodeOnVersionHelp");
    }

    @Override
    public int exitCodeOnInvalidInput() {
      return value("exitCodeOnInvalidInput");
    }

    @Override
    public int exitCodeOnExecutionException() {
      return value("exitCodeOnExecutionException");
    }

    @Override
    public String exitCodeListHeading() {
      return value("exitCodeListHeading");
    }

    @Override
    public String[] exitCodeList() {
      return value("exitCodeList");
    }

    @Override
    public ScopeType scope() {
      return value("scope");
    }

    @Override
    public Class<? extends IModelTransformer> modelTransformer() {
      return value("modelTransformer");
    }

    @Override
    public Class<? extends IParameterPreprocessor> preprocessor() {
      return value("preprocessor");
    }
  }

  /**
   * The elements {@code @Option} and {@code @Parameters} share (same names and types), written once
   * for both stand-ins.
   */
  private abstract static class RecordedArgument extends RecordedAnnotation {
    RecordedArgument(Map<String, Object> values) {
      super(values);
    }

    public String[] description() {
      return value("description");
    }

    public String arity() {
      return value("arity");
    }

    public String paramLabel() {
      return value("paramLabel");
    }

    public boolean hideParamSyntax() {
      return value("hideParamSyntax");
    }

    public Class<?>[] type() {
      return value("type");
    }

    public Class<? extends ITypeConverter<?>>[] converter() {
      return value("converter");
    }

    public String split() {
      return value("split");
    }

    public String splitSynopsisLabel() {
      return value("splitSynopsisLabel");
    }

    public boolean hidden() {
      return value("hidden");
    }

    public String defaultValue() {
      return value("defaultValue");
    }

    public Help.Visibility showDefaultValue() {
      return value("showDefaultValue");
    }

    public Class<? extends Iterable<String>> completionCandidates() {
      return value("completionCandidates");
    }

    public boolean interactive() {
      return value("interactive");
    }

    public boolean echo() {
      return value("echo");
    }

    public String prompt() {
      return value("prompt");
    }

    public String descriptionKey() {
      return value("descriptionKey");
    }

    public ScopeType scope() {
      return value("scope");
    }

    public String mapFallbackValue() {
      return value("mapFallbackValue");
    }

    public Class<? extends IParameterConsumer> parameterConsumer() {
      return value("parameterConsumer");
    }

    public Class<? extends IParameterPreprocessor> preprocessor() {
      return value("preprocessor");
    }
  }

  private static final class RecordedOption extends RecordedArgument implements Option {
    RecordedOption(Map<String, Object> values) {
      super(values);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
      return Option.class;
    }

    @Override
    public String[] names() {
      return value("names");
    }

    @Override
    public boolean required() {
      return value("required");
    }

    @Deprecated
    @Override
    public boolean help() {
      return value("help");
    }

    @Override
    public boolean usageHelp() {
      return value("usageHelp");
    }

    @Override
    public boolean versionHelp() {
      return value("versionHelp");
    }

    @Override
    public int order() {
      return value("order");
    }

    @Override
    public boolean negatable() {
      return value("negatable");
    }

    @Override
    public String fallbackValue() {
      return value("fallbackValue");
    }
  }

  private static final class RecordedParameters extends RecordedArgument implements Parameters {
    RecordedParameters(Map<String, Object> values) {
      super(values);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
      return Parameters.class;
    }

    @Override
    public String index() {
      return value("index");
    }
  }

  private static final class RecordedArgGroup extends RecordedAnnotation implements ArgGroup {
    RecordedArgGroup(Map<String, Object> values) {
      super(values);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
      return ArgGroup.class;
    }

    @Override
    public String heading() {
      return value("heading");
    }

    @Override
    public String headingKey() {
      return value("headingKey");
    }

    @Override
    public boolean exclusive() {
      return value("exclusive");
    }

    @Override
    public String multiplicity() {
      return value("multiplicity");
    }

    @Override
    public boolean validate() {
      return value("validate");
    }

    @Override
    public int order() {
      return value("order");
    }
  }

  private static final class RecordedMixin extends RecordedAnnotation implements Mixin {
    RecordedMixin(Map<String, Object> values) {
      super(values);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
      return Mixin.class;
    }

    @Override
    public String name() {
      return value("name");
    }
  }

  private static final class RecordedSpec extends RecordedAnnotation implements Spec {
    RecordedSpec(Map<String, Object> values) {
      super(values);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
      return Spec.class;
    }

    @Override
    public Spec.Target value() {
      return value("value");
    }
  }
}
