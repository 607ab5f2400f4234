/**
 * A declaration exactly one module makes (how a concern is raised, how a household is moved): the
 * module registers it through `registerModules`, others use it. A second, different declaration is
 * a mistake in the list of modules; using it before any module declared it is one too.
 */
export function oneDeclaration<T>(what: string): { register(value: T): void; get(): T } {
  let declared: T | null = null;
  return {
    register(value) {
      if (declared !== null && declared !== value) throw new Error(`Two modules declare ${what}`);
      declared = value;
    },
    get() {
      if (declared === null) throw new Error(`No module declares ${what}`);
      return declared;
    },
  };
}
